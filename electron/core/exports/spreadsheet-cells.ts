/**
 * What every spreadsheet file the core writes (the reconciliation worksheet, roster downloads)
 * does the same way: formula text defused, money as exact dollars, one currency format.
 */

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return that hides one) as a
 * formula: a name typed into the roster must not become one, so such text gets a leading apostrophe.
 * Needed for CSV only: a workbook's string cells are never formulas.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Exact decimal dollars from integer cents (`-5` → `-0.05`), no float on the way. */
export function dollars(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Dollars to the cent, negatives with a minus sign: the number format of every money column. */
export const usdFormat = '"$"#,##0.00;-"$"#,##0.00';
