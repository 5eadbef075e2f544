import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { csvField, csvFraming } from '../../../exports/csv-text';
import { openOutputFile } from '../../../exports/output-file';
import { defuseFormula, dollars } from '../../../exports/spreadsheet-cells';
import { rosterColumnSpecs, type RosterCell } from '../roster-columns';
import { inChunks, type RosterWriter } from './roster-writer';

/**
 * RFC 4180 CSV in UTF-8 (Excel-friendly or not, see CsvLayout): a header row of column labels,
 * then one row per member. Text that a spreadsheet would run as a formula is defused.
 *
 * Each chunk of records becomes one string and one write: a write (or a stringifier record) per
 * row cost more than reading the members.
 */
export const writeRosterCsv: RosterWriter = async (records, target, columns, _context, options, signal, progress) => {
  const specs = columns.map((column) => rosterColumnSpecs[column]);
  const { start, recordEnd } = csvFraming({ bom: options.excelFriendly, crlf: options.excelFriendly });
  const file = await openOutputFile(target);
  let rows = 0;
  try {
    let text = start + specs.map((spec) => csvField(spec.label)).join(',') + recordEnd;
    for await (const chunk of inChunks(records, signal)) {
      for (const record of chunk) {
        let line = '';
        for (let index = 0; index < specs.length; index += 1) line += (index === 0 ? '' : ',') + csvField(csvCell((specs[index] as (typeof specs)[number]).cell(record)));
        text += line + recordEnd;
      }
      // A full buffer: wait until the file has taken it, so 250,000 rows never queue in memory.
      if (!file.write(text)) await once(file, 'drain', { signal });
      text = '';
      rows += chunk.length;
      progress(rows, options.total);
    }
    file.end(text);
    await finished(file);
  } catch (error) {
    file.destroy();
    throw error;
  }
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
