import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { csvStringifier } from '../../../exports/csv-stringifier';
import { openOutputFile } from '../../../exports/output-file';
import { defuseFormula, dollars } from '../../../exports/spreadsheet-cells';
import { rosterColumnSpecs, type RosterCell } from '../roster-columns';
import { inChunks, type RosterWriter } from './roster-writer';

/**
 * RFC 4180 CSV in UTF-8 (Excel-friendly or not, see CsvLayout): a header row of column labels,
 * then one row per member. Text that a spreadsheet would run as a formula is defused.
 */
export const writeRosterCsv: RosterWriter = async (records, target, columns, _context, options, signal, progress) => {
  const specs = columns.map((column) => rosterColumnSpecs[column]);
  const csv = csvStringifier({ bom: options.excelFriendly, crlf: options.excelFriendly });
  const written = pipeline(csv, await openOutputFile(target));
  let rows = 0;
  try {
    csv.write(specs.map((spec) => spec.label));
    for await (const chunk of inChunks(records, signal)) {
      for (const record of chunk) {
        // A full buffer: wait until the file has taken it, so 250,000 rows never queue in memory.
        if (!csv.write(specs.map((spec) => csvCell(spec.cell(record))))) await once(csv, 'drain', { signal });
      }
      rows += chunk.length;
      progress(rows, options.total);
    }
    csv.end();
  } catch (error) {
    csv.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    throw error;
  }
  await written;
  return rows;
};

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
