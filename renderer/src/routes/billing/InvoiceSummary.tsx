import type { BillingInvoice } from '@shared/contract/methods/billing';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

/** The statement as the invoice prints it: previous balance − payments + premiums + adjustments = total due. */
export function InvoiceSummary({ invoice }: { invoice: BillingInvoice }) {
  const rows: [string, number][] = [
    ['Previous balance', invoice.previousBalanceCents],
    ['Payments received', -invoice.paymentsCents],
    ['Current premiums', invoice.premiumsCents],
    ['Adjustments', invoice.adjustmentsCents],
  ];
  return (
    <section className="card billing-summary" aria-labelledby="summary-title" data-tour="invoice-summary">
      <h2 id="summary-title" className="card-title">
        Summary
      </h2>
      <dl className="billing-statement">
        {rows.map(([label, cents]) => (
          <div key={label} className="billing-statement-row">
            <dt>{label}</dt>
            <dd className="num">{formatUsd(cents)}</dd>
          </div>
        ))}
        <div className="billing-statement-row billing-statement-total">
          <dt>Total due</dt>
          <dd className="num">{formatUsd(invoice.totalDueCents)}</dd>
        </div>
      </dl>
      <dl className="fields billing-terms">
        <div className="field">
          <dt>Due date</dt>
          <dd>{formatDate(invoice.dueDate)}</dd>
        </div>
        <div className="field">
          <dt>Issued</dt>
          <dd>{formatDate(invoice.issuedOn)}</dd>
        </div>
        <div className="field">
          <dt>Status</dt>
          <dd>
            <InvoiceStatusBadge status={invoice.paymentStatus} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
