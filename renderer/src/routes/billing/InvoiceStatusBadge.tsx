import type { InvoicePaymentStatus } from '@shared/plan-api/invoices';
import { paymentStatusLabels } from './billing-words';

/** Where an invoice stands, in a badge whose colour follows the member statuses': paid green, open amber, past due red. */
export function InvoiceStatusBadge({ status }: { status: InvoicePaymentStatus }) {
  return <span className={`badge badge-invoice-${status}`}>{paymentStatusLabels[status]}</span>;
}
