import { finished } from 'node:stream/promises';
import { openOutputFile } from '../output-file';
import { tableRows, type TableFile } from './table-file';

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

/**
 * Tables as one Excel workbook, a sheet each named after its table's title, written row by row with
 * exceljs's streaming writer (each row is committed and leaves memory); the workbook is titled
 * after the first. Cells are strings, never formulas, so no guard is needed here; every column is
 * formatted as text, so what a user types into the sheet (a template's member IDs with leading
 * zeros, dates) stays as typed. The header row is bold and stays in view when scrolling.
 */
export async function writeXlsxTable(path: string, tables: readonly [TableFile, ...TableFile[]]): Promise<void> {
  // Loaded on the first workbook: exceljs is large and most sessions never write one.
  const { default: ExcelJS } = await import('exceljs');
  const file = await openOutputFile(path);
  const closed = finished(file);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    workbook.title = tables[0].title;
    workbook.creator = 'GroupDesk';
    for (const table of tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const row of tableRows(table)) sheet.addRow([...row]).commit();
      sheet.commit();
    }
    await workbook.commit();
    await closed;
  } catch (error) {
    // The writer is abandoned half way: close the file so the caller can remove it.
    file.destroy();
    await closed.catch(() => undefined);
    throw error;
  }
}
