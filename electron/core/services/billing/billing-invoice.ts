import type { BillingInvoice } from '@shared/contract/methods/billing';
import type { InvoiceSummary } from '@shared/plan-api/bill-pay';
import type { InvoicePaymentStatus } from '@shared/plan-api/invoices';
import { compareDates } from '@shared/util/dates';
import type { Store } from '../../store/store';
import { statement } from '../../store/statements';
import { cachedCount } from '../members/count-cache';

/**
 * Where an invoice stands on the desktop's day, by the plan's rule: paid as recorded (the plan
 * re-sends the invoice when it is paid in full), past due from the day after its due date, partly
 * paid when settled payments paid some of it, else open.
 */
export function paymentStatusOf(invoice: Pick<InvoiceSummary, 'status' | 'dueDate'>, today: string, settledCents: number): InvoicePaymentStatus {
  if (invoice.status === 'paid') return 'paid';
  if (compareDates(invoice.dueDate, today) < 0) return 'past_due';
  return settledCents > 0 ? 'partly_paid' : 'open';
}

const settledSql = `SELECT coalesce(sum(a.value ->> '$.amountCents'), 0) FROM payments p, json_each(p.payment, '$.allocations') a
  WHERE p.status = 'settled' AND a.value ->> '$.invoiceNumber' = @invoiceNumber`;

const lineCountSql = 'SELECT count(*) FROM invoice_lines WHERE invoice_number = @invoiceNumber';
const adjustmentCountSql = 'SELECT count(*) FROM invoice_adjustments WHERE invoice_number = @invoiceNumber';

/** An invoice as the list shows it: where it stands today, and how many lines and adjustments it has here. */
export function toBillingInvoice(store: Store, invoice: InvoiceSummary, today: string): BillingInvoice {
  const params = { invoiceNumber: invoice.invoiceNumber };
  return {
    ...invoice,
    paymentStatus: paymentStatusOf(invoice, today, Number(statement(store.db, settledSql).pluck().get(params))),
    // Counted once per change of the store: a 250,000-line invoice is not recounted on every visit.
    lineCount: cachedCount(store.db, lineCountSql, params),
    adjustmentCount: Number(statement(store.db, adjustmentCountSql).pluck().get(params)),
  };
}
