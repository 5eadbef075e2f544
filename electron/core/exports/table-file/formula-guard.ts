/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula: a name like `=HYPERLINK(…)` from the plan's data would become a live link in the user's
 * Excel (CSV injection, OWASP). A leading apostrophe makes the cell plain text.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
