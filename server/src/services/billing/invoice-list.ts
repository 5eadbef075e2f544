import { desc, eq } from 'drizzle-orm';
import type { InvoiceList, InvoiceListItem, InvoicePaymentStatus } from '@shared/plan-api/invoices';
import { compareDates } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { invoices } from '../../store/schema';
import { toInvoiceSummary } from './invoice-views';

type InvoiceRow = typeof invoices.$inferSelect;

/** Paid as recorded; an unpaid invoice is past due from the day after its due date (the plan's day, UTC). */
function paymentStatusOf(row: Pick<InvoiceRow, 'status' | 'dueDate'>, today: string): InvoicePaymentStatus {
  if (row.status === 'paid') return 'paid';
  return compareDates(row.dueDate, today) < 0 ? 'past_due' : 'open';
}

export const toListItem = (row: InvoiceRow, today: string): InvoiceListItem => ({ ...toInvoiceSummary(row), paymentStatus: paymentStatusOf(row, today) });

/** The group's invoices, newest month first. */
export async function listInvoices(db: Db, groupNumber: string, today: string): Promise<InvoiceList> {
  const rows = await db.select().from(invoices).where(eq(invoices.groupNumber, groupNumber)).orderBy(desc(invoices.periodStart));
  return { invoices: rows.map((row) => toListItem(row, today)) };
}
