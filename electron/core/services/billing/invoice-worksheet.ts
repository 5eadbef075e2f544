import ExcelJS from 'exceljs';
import type { ReconcileKind, ReconcileRow, Reconciliation } from '@shared/contract/methods/billing';
import { defuseFormula, dollars, usdFormat } from '../../exports/spreadsheet-cells';

export type WorksheetFormat = 'csv' | 'xlsx';

export interface Worksheet {
  fileName: string;
  contentType: string;
  base64: string;
}

const kindLabels: Record<ReconcileKind, string> = {
  billed_but_terminated: 'Billed but not covered',
  covered_not_billed: 'Covered but not billed',
  plan_or_tier_differs: 'Plan or tier differs',
  amount_differs: 'Amount differs',
};

type Column =
  | { header: string; width: number; money: false; cell: (row: ReconcileRow) => string | null }
  | { header: string; width: number; money: true; cell: (row: ReconcileRow) => number | null };

const text = (header: string, width: number, cell: (row: ReconcileRow) => string | null | undefined): Column => ({ header, width, money: false, cell: (r) => cell(r) ?? null });
const money = (header: string, width: number, cell: (row: ReconcileRow) => number | null | undefined): Column => ({ header, width, money: true, cell: (r) => cell(r) ?? null });

const columns: readonly Column[] = [
  text('Issue', 24, (r) => kindLabels[r.kind]),
  text('Member ID', 16, (r) => r.memberId),
  text('Member', 28, (r) => r.memberName),
  text('Billed plan', 12, (r) => r.billed?.planCode),
  text('Billed tier', 10, (r) => r.billed?.tier),
  money('Billed amount', 14, (r) => r.billed?.amountCents),
  text('Roster plan', 12, (r) => r.roster.planCode),
  text('Roster tier', 10, (r) => r.roster.tier),
  money('Expected amount', 16, (r) => r.roster.expectedCents),
  text('Coverage end', 13, (r) => r.roster.coverageEnd),
  text('What differs', 70, (r) => r.explanation),
  text('Dispute', 24, (r) => (r.dispute === null ? null : `${r.dispute.status}: ${r.dispute.reason.replaceAll('_', ' ')}`)),
];

/**
 * The reconciliation's mismatches as a file to save and open in a spreadsheet: one row per
 * mismatch under a header row, money as amounts in dollars (numbers, so they add up).
 */
export async function reconciliationWorksheet(result: Reconciliation, format: WorksheetFormat, now: string): Promise<Worksheet> {
  const baseName = `${result.invoiceNumber}-reconciliation`;
  if (format === 'csv') {
    return { fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(csvText(result.rows), 'utf8').toString('base64') };
  }
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await xlsxBuffer(result, now)).toString('base64'),
  };
}

// Excel on Windows reads a CSV without a byte-order mark as the local code page, garbling accents.
const utf8Bom = '\uFEFF';

/** RFC 4180: CRLF between records, a field quoted when it holds a quote, comma or line break. */
function csvText(rows: readonly ReconcileRow[]): string {
  const records = [columns.map((c) => csvField(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c, row)))];
  return utf8Bom + records.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

function csvCell(column: Column, row: ReconcileRow): string {
  if (column.money) {
    const cents = column.cell(row);
    return cents === null ? '' : dollars(cents);
  }
  const value = column.cell(row);
  return value === null ? '' : csvField(defuseFormula(value));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function xlsxBuffer(result: Reconciliation, now: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // The file's own timestamps say when it was made, not the machine clock read behind the core's back.
  workbook.created = new Date(now);
  workbook.modified = new Date(now);
  const sheet = workbook.addWorksheet('Reconciliation', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, index) => ({ header: c.header, key: String(index), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, index) => {
    if (c.money) sheet.getColumn(index + 1).numFmt = usdFormat;
  });
  // Strings go into the sheet as strings (never formulas), so only the CSV needs the apostrophe.
  for (const row of result.rows) sheet.addRow(columns.map((c) => xlsxValue(c, row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxValue(column: Column, row: ReconcileRow): string | number | null {
  if (!column.money) return column.cell(row);
  const cents = column.cell(row);
  // Dollars as a number, so the sheet adds them up; the column's format shows them to the cent.
  return cents === null ? null : cents / 100;
}
