import { stringify, type Stringifier } from 'csv-stringify';

/**
 * How a CSV file is laid out. A byte-order mark makes Excel on Windows read UTF-8 (it otherwise
 * reads the local code page, garbling accents); CRLF line ends are what Excel expects.
 */
export interface CsvLayout {
  bom: boolean;
  crlf: boolean;
}

/** Both: what Excel opens as UTF-8 without its import wizard. */
export const excelFriendlyCsv: CsvLayout = { bom: true, crlf: true };

/**
 * The CSV stringifier every CSV file the core writes goes through. A cell holding a line break is
 * always quoted: with CRLF records a lone LF is not the record delimiter, and csv-stringify would
 * otherwise leave it bare, splitting the row in other readers.
 */
export function csvStringifier(layout: CsvLayout): Stringifier {
  return stringify({ bom: layout.bom, record_delimiter: layout.crlf ? 'windows' : 'unix', quoted_match: /[\r\n]/ });
}
