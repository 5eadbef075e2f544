import { Link } from '@tanstack/react-router';
import { useGroupStore } from '../../../state/group-store';
import { usePermission } from '../../../state/permissions';
import { EmptyState, ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { BackIcon } from '../../../components/icons';
import { useBillingQuery } from '../use-billing-query';
import { PaymentHistory } from './PaymentHistory';
import '../billing.css';
import './payments.css';

/**
 * `/billing/payments`: every payment of the group, the plan's and those still in the outbox. Payments
 * come back through the change feed, so the history reads offline and follows `billing.changed`.
 */
export function PaymentsPage() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const list = useBillingQuery('payments.list', { groupNumber });
  const accounts = useBillingQuery('payments.bankAccounts', { groupNumber });
  const canChange = usePermission('billing.write');
  return (
    <div className="page page-billing">
      <Link to="/billing" className="back-link">
        <BackIcon />
        Back to Billing
      </Link>
      <div className="page-header">
        <h1 className="page-title">Payments</h1>
        {canChange && (
          <Link to="/billing/pay" className="button button-primary billing-header-action">
            Pay invoices
          </Link>
        )}
      </div>
      {list.status === 'error' && !list.data ? (
        <ErrorState title="Payments could not be loaded" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <SkeletonBlock label="Loading payments…" lines={6} />
      ) : list.data.length === 0 ? (
        <EmptyState title="No payments yet">
          <p>Payments made here, by autopay or from another computer show here with where they stand.</p>
        </EmptyState>
      ) : (
        <section className="card" aria-label="Payment history">
          <PaymentHistory groupNumber={groupNumber} items={list.data} accounts={accounts.data ?? []} canChange={canChange} onChanged={list.reload} />
        </section>
      )}
    </div>
  );
}
