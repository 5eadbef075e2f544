import { useEffect } from 'react';
import { Link } from '@tanstack/react-router';
import { useGroupStore } from '../../state/group-store';
import { usePermission } from '../../state/permissions';
import { useAnnouncer } from '../../state/announcer';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { formatInstant, plural } from '../../components/format';
import { useBillingQuery } from './use-billing-query';
import { BillingFigures } from './BillingFigures';
import { PaperlessSetting } from './PaperlessSetting';
import { InvoiceList } from './InvoiceList';
import { PaymentLinks } from './payments/PaymentLinks';
import './billing.css';

/**
 * Billing: what the group owes and by when, its invoices, and paper or paperless delivery. Invoices
 * are replicated, so this page reads the local store and works offline; it follows `billing.changed`.
 */
export function BillingPage() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const overview = useBillingQuery('billing.overview', { groupNumber });
  const invoices = useBillingQuery('billing.invoices', { groupNumber });
  const preferences = useBillingQuery('billing.preferences', { groupNumber });
  // Paying and choosing delivery both need billing.write.
  const canChangeDelivery = usePermission('billing.write');
  // The preview compares the roster with the last invoice: only for roles that read members.
  const readsMembers = usePermission('members.read');
  const announce = useAnnouncer((s) => s.announce);

  const count = invoices.data?.length ?? null;
  useEffect(() => {
    if (count !== null) announce(plural(count, 'invoice', 'invoices'));
  }, [count, announce]);

  return (
    <div className="page page-billing">
      <div className="page-header">
        <h1 className="page-title">Billing</h1>
        <p className="as-of">{overview.data ? overview.data.asOf ? <>As of {formatInstant(overview.data.asOf)}</> : 'Not yet brought up to date with the plan' : <Skeleton width={110} height={18} />}</p>
        <div className="billing-actions">
          {readsMembers && (
            <Link to="/billing/preview" className="button">
              Preview next invoice
            </Link>
          )}
          {canChangeDelivery && (
            <Link to="/billing/pay" className="button button-primary" data-tour="billing-pay">
              Pay invoices
            </Link>
          )}
        </div>
      </div>
      {overview.status === 'error' && !overview.data ? (
        <ErrorState title="The balance could not be loaded" error={overview.error} onRetry={overview.reload} />
      ) : !overview.data ? (
        <SkeletonBlock label="Loading the balance…" lines={4} />
      ) : (
        <BillingFigures overview={overview.data} />
      )}
      <div className="billing-columns">
        <section className="card billing-invoices" aria-labelledby="invoices-title" data-tour="billing-invoices">
          <h2 id="invoices-title" className="card-title">
            Invoices
          </h2>
          {invoices.status === 'error' && !invoices.data ? (
            <ErrorState title="Invoices could not be loaded" error={invoices.error} onRetry={invoices.reload} />
          ) : !invoices.data ? (
            <SkeletonBlock label="Loading invoices…" lines={5} />
          ) : invoices.data.length === 0 ? (
            <EmptyState title="No invoices yet">
              <p>The first is issued on the 15th of the month before coverage, and appears here as soon as this computer syncs.</p>
            </EmptyState>
          ) : (
            <InvoiceList invoices={invoices.data} />
          )}
        </section>
        <div className="billing-side">
          <PaymentLinks />
          <PaperlessSetting groupNumber={groupNumber} preferences={preferences} lastKnown={overview.data?.paperless ?? null} canChange={canChangeDelivery} />
        </div>
      </div>
    </div>
  );
}
