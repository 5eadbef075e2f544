import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvStringifier, excelFriendlyCsv, type CsvLayout } from '../csv-stringifier';
import { defuseFormula } from '../spreadsheet-cells';
import { openOutputFile } from '../output-file';
import { tableRows, type TableFile } from './table-file';

/**
 * The table as CSV, streamed to `path`, Excel-friendly unless another layout is asked for.
 * Every cell is defused: names and reasons come from the plan's data or a user's own file.
 */
export async function writeCsvTable(path: string, table: TableFile, layout: CsvLayout = excelFriendlyCsv): Promise<void> {
  async function* records() {
    yield table.columns.map((c) => c.header);
    for await (const row of tableRows(table)) yield row.map(defuseFormula);
  }
  await pipeline(Readable.from(records()), csvStringifier(layout), await openOutputFile(path));
}
