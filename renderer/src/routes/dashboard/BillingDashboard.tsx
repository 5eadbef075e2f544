import { Link } from '@tanstack/react-router';
import { roleLabels, type Role } from '@shared/contract/roles';
import { useQuery } from '../../api/use-query';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { useGroupStore } from '../../state/group-store';
import { AcceptNewTerms } from '../bill-pay/AcceptNewTerms';
import { BillingFigures } from '../billing/BillingFigures';
import { useBillingQuery } from '../billing/use-billing-query';
import '../billing/billing.css';

/**
 * The dashboard of a role that may not read members (billing): membership counts come from the
 * member replica, which such a user does not have, so it shows the group's balance instead, after
 * the Bill Pay terms when the plan asks the user to accept a newer version. Offline, the plan
 * cannot be asked, and the dashboard shows what it has.
 */
export function BillingDashboard({ role }: { role: Role }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const acceptance = useQuery('billPay.termsAcceptance', { groupNumber });
  const needed = acceptance.data?.needed === true;
  const terms = useQuery('billPay.terms', needed ? {} : null);
  const overview = useBillingQuery('billing.overview', { groupNumber });
  return (
    <div className="page page-dashboard">
      <div className="page-header">
        <h1 className="page-title">Dashboard</h1>
      </div>
      {needed && acceptance.data && terms.data && (
        <AcceptNewTerms key={terms.data.version} groupNumber={groupNumber} terms={terms.data} status={acceptance.data} onAccepted={acceptance.reload} onStaleTerms={terms.reload} />
      )}
      <section aria-labelledby="billing-dashboard-title">
        <h2 id="billing-dashboard-title" className="card-title">
          {roleLabels[role]}: you see this group’s invoices and balance.
        </h2>
        {overview.status === 'error' && !overview.data ? (
          <ErrorState title="The balance could not be loaded" error={overview.error} onRetry={overview.reload} />
        ) : !overview.data ? (
          <SkeletonBlock label="Loading the balance…" lines={4} />
        ) : (
          <BillingFigures overview={overview.data} />
        )}
        <p className="billing-dashboard-note">
          <Link to="/billing" className="button button-primary">
            Go to Billing
          </Link>
          <span className="muted">Members’ details and counts stay with the group’s administrators.</span>
        </p>
      </section>
    </div>
  );
}
