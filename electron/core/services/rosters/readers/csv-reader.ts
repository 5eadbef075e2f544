import { parse } from 'csv-parse';
import type { ImportRow } from '../import-row';
import { cellsOf, headerColumns, sheetRow } from './sheet-row';

/**
 * Reads the batch-enrollment CSV while it streams (a 100 MB file is never held whole): header
 * matched by label, a UTF-8 byte order mark tolerated (Excel writes one), each row's line number as
 * the parser counts lines. The parser counts to a record's last line; a quoted value spanning lines
 * is counted back, so the row is located where it starts, as a spreadsheet shows it.
 */
export async function* readCsv(input: NodeJS.ReadableStream): AsyncIterable<ImportRow> {
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  let columns: ReturnType<typeof headerColumns> | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (columns === null) {
      columns = headerColumns(record);
      continue;
    }
    const cells = cellsOf(columns, record);
    if (cells !== null) yield sheetRow(info.lines - newlinesIn(record), cells);
  }
  // An empty file has no template header either: refused as the wrong file.
  if (columns === null) headerColumns([]);
}

const newlinesIn = (record: readonly string[]): number => record.reduce((n, value) => n + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
