import type { Database } from 'better-sqlite3';
import { allocateOldestFirst, type OpenInvoice } from '@shared/domain/payment-allocation';
import { openPaymentRows, paymentRequestOf } from '../../outbox/payment-outbox-rows';
import { allocatedByInvoice } from '../../store/repositories/payments-repository';
import { statement } from '../../store/statements';

export interface PayableInvoice extends OpenInvoice {
  dueDate: string;
}

/**
 * What is still open on each of the group's open invoices, from this computer's data: its amount,
 * less what the plan's standing payments took of it (scheduled, processing, settled), less what the
 * submits still on their way to the plan will take (each allocated oldest first, in the order they
 * were made, as the plan will). So a payment queued offline is not paid twice by a second one.
 */
export function openInvoices(db: Database, groupNumber: string): PayableInvoice[] {
  const invoices = statement(
    db,
    `SELECT invoice_number AS invoiceNumber, period_start AS periodStart, due_date AS dueDate, amount_cents AS amountCents
     FROM invoices WHERE group_number = ? AND status = 'open' ORDER BY period_start, invoice_number`,
  ).all(groupNumber) as { invoiceNumber: string; periodStart: string; dueDate: string; amountCents: number }[];
  const taken = allocatedByInvoice(db, groupNumber);
  const open = new Map<string, PayableInvoice>(
    invoices.map((i) => [i.invoiceNumber, { invoiceNumber: i.invoiceNumber, periodStart: i.periodStart, dueDate: i.dueDate, openCents: Math.max(0, i.amountCents - (taken.get(i.invoiceNumber)?.committed ?? 0)) }]),
  );
  for (const row of openPaymentRows(db, groupNumber)) {
    const request = paymentRequestOf(row);
    const named = request.invoiceNumbers.flatMap((n) => open.get(n) ?? []);
    if (named.length === 0) continue;
    for (const part of allocateOldestFirst(request.amountCents, named).allocations) {
      const invoice = open.get(part.invoiceNumber);
      if (invoice !== undefined) invoice.openCents -= part.amountCents;
    }
  }
  return [...open.values()];
}
