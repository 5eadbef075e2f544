import { csvField } from '../../../exports/csv-text';
import { defuseFormula, dollars } from '../../../exports/spreadsheet-cells';
import { rosterColumnSpecs, type RosterCell } from '../roster-columns';
import type { RosterRecord } from '../roster-record';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';

/** The header row of a roster CSV: the columns' labels. */
export function csvHeaderRow(columns: readonly RosterExportColumn[], recordEnd: string): string {
  return columns.map((column) => csvField(rosterColumnSpecs[column].label)).join(',') + recordEnd;
}

/**
 * Records as CSV rows, one string for them all: a write (or a stringifier record) per row cost more
 * than reading the members. Text that a spreadsheet would run as a formula is defused.
 */
export function csvRows(records: readonly RosterRecord[], columns: readonly RosterExportColumn[], recordEnd: string): string {
  const specs = columns.map((column) => rosterColumnSpecs[column]);
  let text = '';
  for (const record of records) {
    let line = '';
    for (let index = 0; index < specs.length; index += 1) line += (index === 0 ? '' : ',') + csvField(csvCell((specs[index] as (typeof specs)[number]).cell(record)));
    text += line + recordEnd;
  }
  return text;
}

function csvCell(cell: RosterCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value === null ? '' : defuseFormula(cell.value);
    case 'date':
      return cell.value ?? '';
    case 'money':
      return cell.cents === null ? '' : dollars(cell.cents);
  }
}
