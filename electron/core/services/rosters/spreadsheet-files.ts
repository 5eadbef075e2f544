import type { SavedFile } from '@shared/contract/methods/rosters';
import type { FilesPort } from '../../dispatch/handler-types';
import type { CsvLayout } from '../../exports/csv-stringifier';
import { writeCsvTable } from '../../exports/table-file/csv-table-file';
import { tableContentTypes, type TableFile, type TableFormat } from '../../exports/table-file/table-file';
import { writeXlsxTable } from '../../exports/table-file/xlsx-table-file';

export type SpreadsheetFormat = Exclude<TableFormat, 'pdf'>;

/** A sheet to write: its name, header labels and rows (an iterable, so a long report streams). */
export interface Sheet {
  name: string;
  header: readonly string[];
  rows: Iterable<readonly string[]>;
  /** Column widths in characters (XLSX only). */
  widths?: readonly number[];
}

/** A byte-order mark for Excel, and LF line ends as these files have always had. */
const csvLayout: CsvLayout = { bom: true, crlf: false };

/** Rows handed to the table writers at a time: between them the writer lets other calls run. */
const rowsPerBatch = 1000;

/**
 * Writes sheets as one CSV (the first sheet only: CSV has one) or one workbook, whole or not at all
 * (the files port), through the table writers every download uses. Every cell is text, so Excel
 * keeps leading zeros and dates as written.
 */
export async function writeSpreadsheet(files: FilesPort, format: SpreadsheetFormat, fileName: string, sheets: readonly [Sheet, ...Sheet[]]): Promise<SavedFile> {
  const [first, ...more] = sheets;
  const tables: [TableFile, ...TableFile[]] = [asTable(first), ...more.map(asTable)];
  const written = await files.writeNew((temporaryPath) => (format === 'csv' ? writeCsvTable(temporaryPath, tables[0], csvLayout) : writeXlsxTable(temporaryPath, tables)));
  return { fileId: written.fileId, fileName, contentType: tableContentTypes[format], bytes: written.bytes };
}

function asTable(sheet: Sheet): TableFile {
  return {
    title: sheet.name,
    // Only a PDF shows a subtitle, and these sheets are never one.
    subtitle: '',
    columns: sheet.header.map((header, i) => ({ header, width: sheet.widths?.[i] ?? Math.max(12, header.length + 2) })),
    batches: inBatches(sheet.rows),
  };
}

function* inBatches(rows: Iterable<readonly string[]>): Generator<(readonly string[])[]> {
  let batch: (readonly string[])[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === rowsPerBatch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
