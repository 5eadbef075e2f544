import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportRow } from '../import-row';
import { cellsOf, headerColumns, sheetRow } from './sheet-row';

/**
 * Reads the first sheet of a batch-enrollment workbook with exceljs' streaming reader: rows arrive
 * as the zip inflates, so a large workbook is never held whole. Line numbers are the sheet's row
 * numbers, as Excel shows them.
 */
export async function* readXlsx(input: NodeJS.ReadableStream): AsyncIterable<ImportRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as Stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number: a date typed into Excel arrives as a Date.
    styles: 'cache',
  });
  let columns: ReturnType<typeof headerColumns> | null = null;
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const values = cellTexts(row.values);
      if (columns === null) {
        columns = headerColumns(values);
        continue;
      }
      const cells = cellsOf(columns, values);
      if (cells !== null) yield sheetRow(row.number, cells);
    }
    // The first sheet is the data; the template's second sheet only explains the columns.
    break;
  }
  // A workbook with no rows at all has no template header either: refused as the wrong file.
  if (columns === null) headerColumns([]);
}

/** exceljs' 1-based, sparse row values as 0-based texts. */
function cellTexts(values: ExcelJS.Row['values']): string[] {
  const list = Array.isArray(values) ? values.slice(1) : Object.values(values);
  return Array.from(list, (value) => cellText(value as ExcelJS.CellValue));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel stores a date as a day count that exceljs gives as a UTC midnight: its UTC parts are the day typed.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
