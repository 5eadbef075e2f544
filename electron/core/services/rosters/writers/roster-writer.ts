import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import type { RosterFileContext, RosterProgress, RosterRecord } from '../roster-record';

export interface RosterWriterOptions {
  /** CSV only: a byte-order mark and CRLF line ends, which Excel opens without an import wizard. */
  excelFriendly: boolean;
  /** How many records will come, when the reader knows (for progress and the PDF's page count). */
  total: number | null;
}

/** What every roster format's writer is: it writes `target` from the records and answers the rows written. */
export type RosterWriter = (
  records: Iterable<RosterRecord>,
  target: string,
  columns: readonly RosterExportColumn[],
  context: RosterFileContext,
  options: RosterWriterOptions,
  signal: AbortSignal,
  progress: RosterProgress,
) => Promise<number>;

/** Records per chunk: between chunks a writer checks for a cancel, reports progress and lets other calls run. */
export const recordsPerChunk = 1000;

/**
 * The records in chunks of `recordsPerChunk`. Before each chunk the job's signal is checked, and
 * the event loop gets a turn, so a long export never holds other calls (or a cancel) back for long.
 */
export async function* inChunks(records: Iterable<RosterRecord>, signal: AbortSignal): AsyncGenerator<RosterRecord[]> {
  let chunk: RosterRecord[] = [];
  for (const record of records) {
    chunk.push(record);
    if (chunk.length === recordsPerChunk) {
      await nextTurn();
      signal.throwIfAborted();
      yield chunk;
      chunk = [];
    }
  }
  await nextTurn();
  signal.throwIfAborted();
  if (chunk.length > 0) yield chunk;
}
