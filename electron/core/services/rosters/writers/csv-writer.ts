import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import { csvFraming } from '../../../exports/csv-text';
import { openOutputFile } from '../../../exports/output-file';
import type { RosterProgress } from '../roster-record';
import { csvHeaderRow, csvRows } from './csv-rows';
import { inChunks, type RosterWriter, type RosterWriterOptions } from './roster-writer';

/** Rows of a CSV already made into text, a chunk at a time, and how many rows each holds. */
export interface CsvChunk {
  text: string;
  rows: number;
}

/**
 * RFC 4180 CSV in UTF-8 (Excel-friendly or not, see CsvLayout): a header row of column labels,
 * then one row per member.
 */
export const writeRosterCsv: RosterWriter = (records, target, columns, _context, options, signal, progress) => {
  const { recordEnd } = csvFraming({ bom: options.excelFriendly, crlf: options.excelFriendly });
  return writeCsvChunks(
    target,
    columns,
    options,
    signal,
    progress,
    (async function* () {
      for await (const chunk of inChunks(records, signal)) yield { text: csvRows(chunk, columns, recordEnd), rows: chunk.length };
    })(),
  );
};

/** Writes the header, then each chunk's text as one write, in order; answers the rows written. */
export async function writeCsvChunks(
  target: string,
  columns: readonly RosterExportColumn[],
  options: RosterWriterOptions,
  signal: AbortSignal,
  progress: RosterProgress,
  chunks: AsyncIterable<CsvChunk>,
): Promise<number> {
  const { start, recordEnd } = csvFraming({ bom: options.excelFriendly, crlf: options.excelFriendly });
  const file = await openOutputFile(target);
  let rows = 0;
  try {
    file.write(start + csvHeaderRow(columns, recordEnd));
    for await (const chunk of chunks) {
      // A full buffer: wait until the file has taken it, so 250,000 rows never queue in memory.
      if (!file.write(chunk.text)) await once(file, 'drain', { signal });
      rows += chunk.rows;
      progress(rows, options.total);
    }
    file.end();
    await finished(file);
  } catch (error) {
    file.destroy();
    throw error;
  }
  return rows;
}
