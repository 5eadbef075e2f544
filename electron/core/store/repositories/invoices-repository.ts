import type { Database } from 'better-sqlite3';
import type { BillingSummary, InvoiceAdjustment, InvoiceLine, InvoiceSummary } from '@shared/plan-api/bill-pay';
import { statement } from '../statements';

/**
 * The owner of `invoices`, `invoice_lines` and `invoice_adjustments`: the plan's invoices as the
 * change feed brings them. Every write is one prepared statement per entry, so a page of 250,000
 * lines is 250,000 runs of one compiled statement inside the page's transaction.
 */

/** A line or adjustment as the feed sends it; entries appended before names were added have none. */
export type RemoteLine = InvoiceLine & { memberName?: string | undefined };
export type RemoteAdjustment = InvoiceAdjustment & { memberName?: string | undefined };

/**
 * The name a line shows when the feed sent none: the subscriber's name on the local roster, written
 * the way the plan bills it (first, middle initial, last, suffix), else the member ID.
 */
const nameOrFallback = `coalesce(?, (SELECT concat_ws(' ', m.first_name, substr(m.middle_name, 1, 1), m.last_name, m.suffix) FROM members m WHERE m.member_id = ?), ?)`;

/** Stores an invoice as the plan sent it; true when this computer did not have it before. */
export function upsertInvoice(db: Database, groupNumber: string, invoice: InvoiceSummary, now: string): boolean {
  const known = statement(db, 'SELECT 1 FROM invoices WHERE invoice_number = ?').pluck().get(invoice.invoiceNumber) !== undefined;
  statement(
    db,
    `INSERT INTO invoices (invoice_number, group_number, period_start, issued_on, due_date, status, amount_cents, previous_balance_cents,
       payments_cents, premiums_cents, adjustments_cents, total_due_cents, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (invoice_number) DO UPDATE SET group_number = excluded.group_number, period_start = excluded.period_start,
       issued_on = excluded.issued_on, due_date = excluded.due_date, status = excluded.status, amount_cents = excluded.amount_cents,
       previous_balance_cents = excluded.previous_balance_cents, payments_cents = excluded.payments_cents, premiums_cents = excluded.premiums_cents,
       adjustments_cents = excluded.adjustments_cents, total_due_cents = excluded.total_due_cents, updated_at = excluded.updated_at`,
  ).run(
    invoice.invoiceNumber,
    groupNumber,
    invoice.periodStart,
    invoice.issuedOn,
    invoice.dueDate,
    invoice.status,
    invoice.amountCents,
    invoice.previousBalanceCents,
    invoice.paymentsCents,
    invoice.premiumsCents,
    invoice.adjustmentsCents,
    invoice.totalDueCents,
    now,
  );
  return !known;
}

/** An invoice the plan withdrew: it goes with its lines and adjustments. */
export function deleteInvoice(db: Database, groupNumber: string, invoiceNumber: string): void {
  statement(db, 'DELETE FROM invoice_lines WHERE invoice_number = ? AND group_number = ?').run(invoiceNumber, groupNumber);
  statement(db, 'DELETE FROM invoice_adjustments WHERE invoice_number = ? AND group_number = ?').run(invoiceNumber, groupNumber);
  statement(db, 'DELETE FROM invoices WHERE invoice_number = ? AND group_number = ?').run(invoiceNumber, groupNumber);
}

export function upsertInvoiceLine(db: Database, groupNumber: string, line: RemoteLine): void {
  statement(
    db,
    `INSERT INTO invoice_lines (invoice_number, member_id, group_number, member_name, plan_code, tier, amount_cents)
     VALUES (?, ?, ?, ${nameOrFallback}, ?, ?, ?)
     ON CONFLICT (invoice_number, member_id) DO UPDATE SET group_number = excluded.group_number, member_name = excluded.member_name,
       plan_code = excluded.plan_code, tier = excluded.tier, amount_cents = excluded.amount_cents`,
  ).run(line.invoiceNumber, line.memberId, groupNumber, line.memberName ?? null, line.memberId, line.memberId, line.planCode, line.tier, line.amountCents);
}

export function upsertInvoiceAdjustment(db: Database, groupNumber: string, adjustment: RemoteAdjustment): void {
  statement(
    db,
    `INSERT INTO invoice_adjustments (invoice_number, member_id, period_start, group_number, member_name, kind, amount_cents, plan_code, tier, confirmation_number)
     VALUES (?, ?, ?, ?, ${nameOrFallback}, ?, ?, ?, ?, ?)
     ON CONFLICT (invoice_number, member_id, period_start) DO UPDATE SET group_number = excluded.group_number, member_name = excluded.member_name,
       kind = excluded.kind, amount_cents = excluded.amount_cents, plan_code = excluded.plan_code, tier = excluded.tier,
       confirmation_number = excluded.confirmation_number`,
  ).run(
    adjustment.invoiceNumber,
    adjustment.memberId,
    adjustment.periodStart,
    groupNumber,
    adjustment.memberName ?? null,
    adjustment.memberId,
    adjustment.memberId,
    adjustment.kind,
    adjustment.amountCents,
    adjustment.planCode,
    adjustment.tier,
    adjustment.confirmationNumber,
  );
}

/** The group's invoices are applied again from the feed's start (the service's feed restarted). */
export function forgetGroupInvoices(db: Database, groupNumber: string): void {
  statement(db, 'DELETE FROM invoice_lines WHERE group_number = ?').run(groupNumber);
  statement(db, 'DELETE FROM invoice_adjustments WHERE group_number = ?').run(groupNumber);
  statement(db, 'DELETE FROM invoices WHERE group_number = ?').run(groupNumber);
}

interface InvoiceRecord {
  invoice_number: string;
  period_start: string;
  issued_on: string;
  due_date: string;
  status: 'open' | 'paid';
  amount_cents: number;
  previous_balance_cents: number;
  payments_cents: number;
  premiums_cents: number;
  adjustments_cents: number;
  total_due_cents: number;
}

export const toInvoiceSummary = (r: InvoiceRecord): InvoiceSummary => ({
  invoiceNumber: r.invoice_number,
  periodStart: r.period_start,
  issuedOn: r.issued_on,
  dueDate: r.due_date,
  amountCents: r.amount_cents,
  status: r.status,
  previousBalanceCents: r.previous_balance_cents,
  paymentsCents: r.payments_cents,
  premiumsCents: r.premiums_cents,
  adjustmentsCents: r.adjustments_cents,
  totalDueCents: r.total_due_cents,
});

/** The group's invoices, newest month first. */
export function listInvoices(db: Database, groupNumber: string): InvoiceSummary[] {
  return (statement(db, 'SELECT * FROM invoices WHERE group_number = ? ORDER BY period_start DESC').all(groupNumber) as InvoiceRecord[]).map(toInvoiceSummary);
}

export function findInvoice(db: Database, groupNumber: string, invoiceNumber: string): InvoiceSummary | null {
  const row = statement(db, 'SELECT * FROM invoices WHERE invoice_number = ? AND group_number = ?').get(invoiceNumber, groupNumber) as InvoiceRecord | undefined;
  return row === undefined ? null : toInvoiceSummary(row);
}

/**
 * The balance the group switcher shows, from the invoices and payments on this computer: the open
 * invoices' own amounts less what payments scheduled, processing or settled cover on each (never
 * below zero), as the plan's billing summary counts it: a payment made here lowers the balance at
 * once, a returned or cancelled one no longer does. The latest invoice by month.
 */
export function localBillingSummary(db: Database, groupNumber: string): BillingSummary {
  const balance = Number(
    statement(
      db,
      `SELECT coalesce(sum(max(i.amount_cents - coalesce(paid.cents, 0), 0)), 0)
       FROM invoices i
       LEFT JOIN (
         SELECT a.value ->> '$.invoiceNumber' AS invoice_number, sum(a.value ->> '$.amountCents') AS cents
         FROM payments p, json_each(p.payment, '$.allocations') a
         WHERE p.group_number = @group AND p.status IN ('scheduled', 'processing', 'settled')
         GROUP BY 1
       ) paid ON paid.invoice_number = i.invoice_number
       WHERE i.group_number = @group AND i.status = 'open'`,
    )
      .pluck()
      .get({ group: groupNumber }),
  );
  return { balanceCents: balance, lastInvoice: listInvoices(db, groupNumber)[0] ?? null };
}
