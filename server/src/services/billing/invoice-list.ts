import { desc, eq } from 'drizzle-orm';
import type { InvoiceList, InvoiceListItem, InvoicePaymentStatus } from '@shared/plan-api/invoices';
import { compareDates } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { invoices } from '../../store/schema';
import { toInvoiceSummary } from './invoice-views';
import { allocatedByInvoice } from '../payments/ledger';

type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Paid as recorded (settled payments cover it); partly paid while payments that count (scheduled,
 * processing, settled) cover some of it but not all; otherwise past due from the day after its due
 * date (the plan's day, UTC), else open.
 */
function paymentStatusOf(row: Pick<InvoiceRow, 'status' | 'dueDate' | 'amountCents'>, allocatedCents: number, today: string): InvoicePaymentStatus {
  if (row.status === 'paid') return 'paid';
  if (allocatedCents > 0 && allocatedCents < row.amountCents) return 'partly_paid';
  return compareDates(row.dueDate, today) < 0 ? 'past_due' : 'open';
}

/** `allocatedCents`: what payments that count allocated to it (payments/ledger.ts allocatedByInvoice). */
export const toListItem = (row: InvoiceRow, allocatedCents: number, today: string): InvoiceListItem => ({
  ...toInvoiceSummary(row),
  paymentStatus: paymentStatusOf(row, allocatedCents, today),
});

/** The group's invoices, newest month first. */
export async function listInvoices(db: Db, groupNumber: string, today: string): Promise<InvoiceList> {
  const rows = await db.select().from(invoices).where(eq(invoices.groupNumber, groupNumber)).orderBy(desc(invoices.periodStart));
  const allocated = await allocatedByInvoice(db, rows.map((r) => r.invoiceNumber));
  return { invoices: rows.map((row) => toListItem(row, allocated.get(row.invoiceNumber) ?? 0, today)) };
}
