import { inArray } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { paymentAllocations } from '../../store/schema';
import { appendChanges } from '../changes/append';
import { refreshInvoiceStatuses } from './invoice-status';
import { paymentsOf } from './payment-views';

/**
 * After payments of one group changed: sets their invoices' paid/open status from the settled
 * payments, then puts a `payment` snapshot of each on the group's feed, and an `invoice` snapshot of
 * each invoice whose status changed, so desktops follow balances live. Call it LAST in the
 * transaction, as appendChanges requires.
 */
export async function publishPaymentChanges(tx: Db, groupNumber: string, confirmationNumbers: readonly string[], now: Date): Promise<void> {
  if (confirmationNumbers.length === 0) return;
  const invoiceNumbers = await tx
    .selectDistinct({ invoiceNumber: paymentAllocations.invoiceNumber })
    .from(paymentAllocations)
    .where(inArray(paymentAllocations.confirmationNumber, [...confirmationNumbers]));
  const changedInvoices = await refreshInvoiceStatuses(tx, invoiceNumbers.map((r) => r.invoiceNumber));
  const snapshots = await paymentsOf(tx, groupNumber, now, confirmationNumbers);
  await appendChanges(tx, groupNumber, now.toISOString(), [
    ...snapshots.map((p) => ({ entity: 'payment' as const, entityId: p.confirmationNumber, op: 'upsert' as const, payload: p })),
    ...changedInvoices.map((i) => ({ entity: 'invoice' as const, entityId: i.invoiceNumber, op: 'upsert' as const, payload: i })),
  ]);
}
