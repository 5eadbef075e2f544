import { roleLabels, type Role } from '@shared/contract/roles';
import { EmptyState } from '../../components/ErrorState';

/**
 * The dashboard of a role that may not read members (billing): membership counts come from the
 * member replica, which such a user does not have, so it says what the role sees instead.
 */
export function BillingDashboard({ role }: { role: Role }) {
  return (
    <div className="page page-dashboard">
      <div className="page-header">
        <h1 className="page-title">Dashboard</h1>
      </div>
      <EmptyState title={`${roleLabels[role]}: you see this group’s invoices and balance.`}>
        <p>The balance of open invoices is beside the group’s name above. Members’ details and counts stay with the group’s administrators.</p>
      </EmptyState>
    </div>
  );
}
