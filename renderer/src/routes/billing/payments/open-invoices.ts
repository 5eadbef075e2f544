import type { BillingInvoice } from '@shared/contract/methods/billing';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { allocateOldestFirst } from '@shared/domain/payment-allocation';
import type { OpenInvoice } from '@shared/domain/payment-allocation';

export interface PayableInvoice extends OpenInvoice {
  dueDate: string;
  amountCents: number;
  paymentStatus: BillingInvoice['paymentStatus'];
}

/** Payments that still count against an invoice: the plan's that were not cancelled or returned. */
const countedStates = new Set<PaymentItem['state']>(['scheduled', 'processing', 'settled']);
/** A submit still in the outbox will be debited too: paying its share again would be refused by the plan. */
const waitingStates = new Set<PaymentItem['state']>(['queued', 'sending']);

/**
 * What is still open on each invoice the group has not paid in full: its own amount less what the
 * plan's live payments allocated to it and what submits waiting in the outbox will take (allocated
 * oldest first, as the plan will). Oldest first, only invoices with something left.
 */
export function payableInvoices(invoices: readonly BillingInvoice[], payments: readonly PaymentItem[]): PayableInvoice[] {
  const taken = new Map<string, number>();
  const take = (invoiceNumber: string, cents: number) => taken.set(invoiceNumber, (taken.get(invoiceNumber) ?? 0) + cents);
  for (const item of payments) {
    if (item.payment && countedStates.has(item.state)) for (const a of item.payment.allocations) take(a.invoiceNumber, a.amountCents);
  }
  const unpaid = invoices.filter((i) => i.status !== 'paid');
  const openBefore = (invoiceNumber: string, invoice: BillingInvoice) => Math.max(0, invoice.amountCents - (taken.get(invoiceNumber) ?? 0));
  for (const item of payments) {
    if (!item.request || !waitingStates.has(item.state)) continue;
    const named = unpaid.filter((i) => item.request?.invoiceNumbers.includes(i.invoiceNumber));
    const open = named.map((i) => ({ invoiceNumber: i.invoiceNumber, periodStart: i.periodStart, openCents: openBefore(i.invoiceNumber, i) }));
    if (open.every((o) => o.openCents === 0)) continue;
    for (const a of allocateOldestFirst(item.request.amountCents, open).allocations) take(a.invoiceNumber, a.amountCents);
  }
  return unpaid
    .map((i) => ({ invoiceNumber: i.invoiceNumber, periodStart: i.periodStart, dueDate: i.dueDate, amountCents: i.amountCents, paymentStatus: i.paymentStatus, openCents: openBefore(i.invoiceNumber, i) }))
    .filter((i) => i.openCents > 0)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
}
