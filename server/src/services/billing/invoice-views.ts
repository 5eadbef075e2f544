import { desc, eq } from 'drizzle-orm';
import type { BillingSummary, InvoiceSummary } from '@shared/plan-api/bill-pay';
import type { Db } from '../../store/db';
import { invoices } from '../../store/schema';
import { openBalanceOf } from '../payments/ledger';

type InvoiceRow = typeof invoices.$inferSelect;

export function toInvoiceSummary(row: InvoiceRow): InvoiceSummary {
  return {
    invoiceNumber: row.invoiceNumber,
    periodStart: row.periodStart,
    issuedOn: row.issuedOn,
    dueDate: row.dueDate,
    amountCents: row.amountCents,
    status: row.status,
    previousBalanceCents: row.previousBalanceCents,
    paymentsCents: row.paymentsCents,
    premiumsCents: row.premiumsCents,
    adjustmentsCents: row.adjustmentsCents,
    totalDueCents: row.totalDueCents,
  };
}

/** The group's most recent invoice (by the month it bills): the one a Bill Pay sign-up must quote. */
export async function latestInvoice(db: Db, groupNumber: string): Promise<InvoiceRow | null> {
  const [row] = await db.select().from(invoices).where(eq(invoices.groupNumber, groupNumber)).orderBy(desc(invoices.periodStart)).limit(1);
  return row ?? null;
}

/** What the group switcher shows: what is open on the invoices, less payments on their way, and the latest invoice. */
export async function billingSummaryOf(db: Db, groupNumber: string): Promise<BillingSummary> {
  const last = await latestInvoice(db, groupNumber);
  return { balanceCents: await openBalanceOf(db, groupNumber), lastInvoice: last ? toInvoiceSummary(last) : null };
}
