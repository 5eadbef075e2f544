import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { SavedFile } from '@shared/contract/methods/rosters';
import type { FilesPort } from '../../dispatch/handler-types';

export const spreadsheetTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type SpreadsheetFormat = keyof typeof spreadsheetTypes;

/** A sheet to write: its name, header labels and rows (an iterable, so a long report streams). */
export interface Sheet {
  name: string;
  header: readonly string[];
  rows: Iterable<readonly string[]>;
  /** Column widths in characters (XLSX only). */
  widths?: readonly number[];
}

/**
 * Writes sheets as one CSV (the first sheet only: CSV has one) or one workbook, whole or not at all
 * (the files port). Every cell is text, so Excel keeps leading zeros and dates as written.
 */
export async function writeSpreadsheet(files: FilesPort, format: SpreadsheetFormat, fileName: string, sheets: readonly [Sheet, ...Sheet[]]): Promise<SavedFile> {
  const written = await files.writeNew((temporaryPath) => (format === 'csv' ? writeCsv(temporaryPath, sheets[0]) : writeXlsx(temporaryPath, sheets)));
  return { fileId: written.fileId, fileName, contentType: spreadsheetTypes[format], bytes: written.bytes };
}

async function writeCsv(file: string, sheet: Sheet): Promise<void> {
  const lines = (function* () {
    yield sheet.header;
    yield* sheet.rows;
  })();
  await pipeline(Readable.from(lines), stringify({ bom: true }), fs.createWriteStream(file));
}

async function writeXlsx(file: string, sheets: readonly Sheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.header.map((label, i) => ({ header: label, width: sheet.widths?.[i] ?? Math.max(12, label.length + 2), style: { numFmt: '@' } }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const row of sheet.rows) ws.addRow([...row]).commit();
    ws.commit();
  }
  await workbook.commit();
}
