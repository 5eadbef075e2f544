import { useId } from 'react';
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { BillingOverview } from '@shared/contract/methods/billing';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { formatMonth } from './billing-words';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

function Figure({ label, value, words = false, children }: { label: string; value: ReactNode; words?: boolean; children?: ReactNode }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="stat">
      <div id={labelId} className="stat-label">
        {label}
      </div>
      <div className={`stat-value billing-figure${words ? ' is-words' : ''}`}>{value}</div>
      {children && <div className="stat-foot billing-figure-foot">{children}</div>}
    </div>
  );
}

/** The four figures a payer looks for first: what is open, what is due and when, the latest invoice, the last payment. */
export function BillingFigures({ overview }: { overview: BillingOverview }) {
  const latest = overview.latestInvoice;
  return (
    <section aria-label="Balance" className="stats">
      <Figure label="Open balance" value={formatUsd(overview.openBalanceCents)}>
        <span className="muted">{overview.openBalanceCents === 0 ? 'Nothing unpaid' : 'Total of unpaid invoices'}</span>
      </Figure>
      <Figure label="Amount due" value={overview.amountDueCents === null ? '—' : formatUsd(overview.amountDueCents)}>
        <span className="muted">{overview.dueDate ? `Due ${formatDate(overview.dueDate)}` : 'No invoice yet'}</span>
      </Figure>
      <Figure label="Latest invoice" value={latest ? formatMonth(latest.periodStart) : 'None yet'} words>
        {latest ? (
          <>
            <InvoiceStatusBadge status={latest.paymentStatus} />
            <Link to="/billing/invoices/$invoiceNumber" params={{ invoiceNumber: latest.invoiceNumber }} className="link-button" aria-label={`Open invoice ${latest.invoiceNumber}`}>
              Open
            </Link>
          </>
        ) : (
          <span className="muted">The first is issued on the 15th of the month before coverage.</span>
        )}
      </Figure>
      <Figure label="Last payment" value={overview.lastPayment ? formatUsd(overview.lastPayment.amountCents) : 'No payments yet'} words={!overview.lastPayment}>
        <span className="muted">{overview.lastPayment ? `Received ${formatDate(overview.lastPayment.paidOn)}` : 'Payments the plan records show here.'}</span>
      </Figure>
    </section>
  );
}
