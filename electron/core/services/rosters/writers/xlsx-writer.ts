import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { toEpochDay } from '@shared/util/dates';
import { openOutputFile } from '../../../exports/output-file';
import { usdFormat } from '../../../exports/spreadsheet-cells';
import { rosterColumnSpecs, type ColumnSpec, type RosterCell } from '../roster-columns';
import type { RosterFileContext, RosterProgress, RosterRecord } from '../roster-record';
import { inChunks, type RosterWriter, type RosterWriterOptions } from './roster-writer';

const dateFormat = 'mm/dd/yyyy';
const columnFormats: Partial<Record<RosterCell['kind'], string>> = { date: dateFormat, money: usdFormat };

/**
 * An Excel workbook written as it goes (exceljs's streaming writer: each row is committed to the
 * file, none kept): a "Roster" sheet with a frozen, filterable header row, dates as date cells and
 * the premium as a currency number, then a "Summary" sheet with the group, the date and the counts.
 */
export const writeRosterXlsx: RosterWriter = async (records, target, columns, context, options, signal, progress) => {
  const specs = columns.map((column) => rosterColumnSpecs[column]);
  const file = await openOutputFile(target);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    // Committed rows go through the zip to the file without waiting: hold the next chunk until the file has taken them.
    const drained = async () => {
      if (file.writableNeedDrain) await once(file, 'drain', { signal });
    };
    return await writeWorkbook(workbook, specs, records, context, options, signal, progress, drained);
  } catch (error) {
    // A cancelled or failed export closes its file at once; the caller removes it.
    file.destroy();
    throw error;
  }
};

async function writeWorkbook(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  specs: readonly ColumnSpec[],
  records: Iterable<RosterRecord>,
  context: RosterFileContext,
  options: RosterWriterOptions,
  signal: AbortSignal,
  progress: RosterProgress,
  drained: () => Promise<void>,
): Promise<number> {
  // The file's own timestamps say when it was made by the core's clock, not the machine's.
  workbook.created = new Date(context.createdAt);
  workbook.modified = new Date(context.createdAt);
  workbook.title = `Roster of ${context.groupName} as of ${context.asOf}`;
  const sheet = workbook.addWorksheet('Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Formats by column, not by cell: exceljs gives each new cell its column's style, and a style set
  // on each of 250,000 × 10 cells costs more than writing them.
  sheet.columns = specs.map((spec, index) => {
    const format = columnFormats[spec.kind];
    return { key: String(index), width: spec.width + 2, ...(format === undefined ? {} : { style: { numFmt: format } }) };
  });
  // The same style objects again on each cell: exceljs copies the column's style into a new object
  // per cell, and a style it has not seen (by identity) it serializes to XML to look up, 2.5 million
  // times for a large roster; one object per column it looks up once.
  const cellStyles = specs.map((spec): Partial<ExcelJS.Style> => {
    const format = columnFormats[spec.kind];
    return format === undefined ? {} : { numFmt: format };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: specs.length } };
  const header = sheet.addRow(specs.map((spec) => spec.label));
  header.font = { bold: true };
  header.commit();

  let rows = 0;
  let subscribers = 0;
  for await (const chunk of inChunks(records, signal)) {
    for (const record of chunk) {
      if (record.relationship === 'subscriber') subscribers += 1;
      const row = sheet.addRow([]);
      specs.forEach((spec, index) => {
        const value = xlsxValue(spec.cell(record));
        // An empty cell is left out of the file, as a spreadsheet app leaves it: the column's own
        // style still formats what a user types there, and a styled empty cell per missing date is
        // a tenth of a large roster's cells.
        if (value === null) return;
        const cell = row.getCell(index + 1);
        cell.style = cellStyles[index] ?? {};
        cell.value = value;
      });
      row.commit();
    }
    rows += chunk.length;
    progress(rows, options.total);
    await drained();
  }
  sheet.commit();

  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 16 }, { width: 40 }];
  const created = new Date(context.createdAt);
  for (const [label, value, numFmt] of [
    ['Group', `${context.groupName} (${context.groupNumber})`, undefined],
    ['As of', excelDate(context.asOf), dateFormat],
    ['Employees', subscribers, undefined],
    ['Dependents', rows - subscribers, undefined],
    ['Members', rows, undefined],
    ['Created at', created, 'yyyy-mm-dd hh:mm "UTC"'],
  ] as const) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (numFmt !== undefined) row.getCell(2).numFmt = numFmt;
    row.commit();
  }
  summary.commit();
  await workbook.commit();
  return rows;
}

/**
 * A cell's value. A date goes in as its serial day number: the file holds the same `<v>` exceljs
 * writes for a Date in a date-formatted column (the format makes it a date), without a Date object
 * parsed from text and converted back for each of 650,000 date cells.
 */
function xlsxValue(cell: RosterCell): string | number | null {
  switch (cell.kind) {
    case 'text':
      // A string cell is never a formula in a workbook, so it needs no apostrophe.
      return cell.value;
    case 'date':
      return cell.value === null ? null : excelSerial(cell.value);
    case 'money':
      // Dollars as a number, so the sheet adds them up; the column's format shows them to the cent.
      return cell.cents === null ? null : cell.cents / 100;
  }
}

/** A calendar date as the UTC midnight exceljs turns into a date serial, whatever the machine's time zone. */
function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** Excel's serial day number of a calendar date (day 25,569 is 1970-01-01), as exceljs computes it for a Date. */
function excelSerial(isoDate: string): number {
  return toEpochDay(isoDate) + 25569;
}
