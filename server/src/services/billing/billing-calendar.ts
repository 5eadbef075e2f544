import { INVOICE_CODE_LENGTH } from '@shared/plan-api/bill-pay';
import { addMonths, compareDates, firstOfMonth, fromParts, toParts } from '@shared/util/dates';
import { randomCode } from '../random-code';

/**
 * The plan's billing calendar, as carriers run it: each month's premium is billed in advance, on an
 * invoice issued on the 15th of the month before (so a group has about two weeks to pay), and is due
 * on the first day of the month it covers. The amount is the coverage in force on that first day;
 * changes later in the month are the next invoices' retroactive adjustments.
 */
export const INVOICE_ISSUE_DAY = 15;

/** `2026-12` → `2026-12-01`; null unless it is a real month. */
export function periodStartOf(period: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return match ? `${match[1]}-${match[2]}-01` : null;
}

/**
 * A new number for the invoice of `periodStart`, as printed on it: `INV-<group>-<YYYYMM>-<code>`
 * (shared/plan-api/bill-pay). The code is drawn at random each time, so the number proves its holder
 * has the invoice at Bill Pay sign-up; one invoice per group and month is the table's UNIQUE
 * (group_number, period_start), which also keeps the numbers unique (the readable part differs otherwise).
 */
export function newInvoiceNumber(groupNumber: string, periodStart: string): string {
  return `INV-${groupNumber}-${periodStart.slice(0, 4)}${periodStart.slice(5, 7)}-${randomCode(INVOICE_CODE_LENGTH)}`;
}

/** The day the plan's calendar issues the invoice of the month starting `periodStart`. */
export function scheduledIssueDate(periodStart: string): string {
  const { year, month } = toParts(addMonths(periodStart, -1));
  return fromParts(year, month, INVOICE_ISSUE_DAY);
}

/** Due on the period's first day; an invoice issued after that day (late, by an operator) is due on the day it is issued. */
export function dueDateOf(periodStart: string, issuedOn: string): string {
  return compareDates(issuedOn, periodStart) > 0 ? issuedOn : periodStart;
}

/** The latest period whose invoice the calendar has issued by `today`: next month's from the 15th on, else this month's. */
export function latestIssuedPeriod(today: string): string {
  const thisMonth = firstOfMonth(today);
  return toParts(today).day >= INVOICE_ISSUE_DAY ? addMonths(thisMonth, 1) : thisMonth;
}

/**
 * The months the calendar has issued by `today` that a group with `latestInvoiced` (its latest
 * invoiced month, or null) still lacks, oldest first: after a service outage each missed month is
 * issued once, in order. A group never invoiced starts with the latest one.
 */
export function periodsDue(latestInvoiced: string | null, today: string): string[] {
  const last = latestIssuedPeriod(today);
  if (latestInvoiced === null) return [last];
  const due: string[] = [];
  for (let period = addMonths(latestInvoiced, 1); compareDates(period, last) <= 0; period = addMonths(period, 1)) due.push(period);
  return due;
}
