import { roleLabels, type Role } from '@shared/contract/roles';
import { useQuery } from '../../api/use-query';
import { EmptyState } from '../../components/ErrorState';
import { useGroupStore } from '../../state/group-store';
import { AcceptNewTerms } from '../bill-pay/AcceptNewTerms';

/**
 * The dashboard of a role that may not read members (billing): membership counts come from the
 * member replica, which such a user does not have, so it says what the role sees instead, after
 * the Bill Pay terms when the plan asks the user to accept a newer version. Offline, the plan
 * cannot be asked, and the dashboard shows what it has.
 */
export function BillingDashboard({ role }: { role: Role }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const acceptance = useQuery('billPay.termsAcceptance', { groupNumber });
  const needed = acceptance.data?.needed === true;
  const terms = useQuery('billPay.terms', needed ? {} : null);
  return (
    <div className="page page-dashboard">
      <div className="page-header">
        <h1 className="page-title">Dashboard</h1>
      </div>
      {needed && acceptance.data && terms.data && (
        <AcceptNewTerms key={terms.data.version} groupNumber={groupNumber} terms={terms.data} status={acceptance.data} onAccepted={acceptance.reload} onStaleTerms={terms.reload} />
      )}
      <EmptyState title={`${roleLabels[role]}: you see this group’s invoices and balance.`}>
        <p>The balance of open invoices is beside the group’s name above. Members’ details and counts stay with the group’s administrators.</p>
      </EmptyState>
    </div>
  );
}
