import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { spreadsheetSafe } from './formula-guard';
import { tableRows, type TableFile } from './table-file';

/**
 * The table as CSV, streamed to `path`. `excelFriendly` adds a byte-order mark and CRLF line ends,
 * which Excel opens as UTF-8 without its import wizard.
 */
export async function writeCsvTable(path: string, table: TableFile, excelFriendly = true): Promise<void> {
  async function* records() {
    yield table.columns.map((c) => c.header);
    for await (const row of tableRows(table)) yield row.map(spreadsheetSafe);
  }
  await pipeline(Readable.from(records()), stringify({ bom: excelFriendly, record_delimiter: excelFriendly ? 'windows' : 'unix' }), fs.createWriteStream(path, { mode: 0o600 }));
}
