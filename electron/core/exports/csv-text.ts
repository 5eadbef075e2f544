import type { CsvLayout } from './csv-stringifier';

/** A field needs quotes when it holds the delimiter, a quote or any line break (a lone LF too, under CRLF records). */
const needsQuotes = /[",\r\n]/;

/**
 * One RFC 4180 field, quoted exactly when csv-stringify (csvStringifier's settings) would quote it.
 * For writers of hundreds of thousands of rows that build their text in large chunks themselves:
 * csv-stringify's per-record stream machinery costs more than the rest of such an export.
 */
export function csvField(value: string): string {
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** What a layout puts before the first record and after each one. */
export function csvFraming(layout: CsvLayout): { start: string; recordEnd: '\n' | '\r\n' } {
  return { start: layout.bom ? '\ufeff' : '', recordEnd: layout.crlf ? '\r\n' : '\n' };
}
