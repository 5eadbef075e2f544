import { useQuery } from '../../api/use-query';
import { useCoreEvent } from '../../api/ApiProvider';
import { useGroupStore } from '../../state/group-store';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { formatInstant } from '../../components/format';
import { relationships } from '@shared/contract/schemas/member';
import { StatCard } from './StatCard';
import { PlanBreakdown, TierBreakdown } from './PlanBreakdown';
import { useShowInRoster } from './use-show-in-roster';
import { BillingDashboard } from './BillingDashboard';
import { roleAllows } from '@shared/contract/roles';
import { useGroupRole } from '../../state/permissions';
import { useState } from 'react';
import { todayIso } from '../../wizards/common/form-rules';
import { CoverageOverTime } from './CoverageOverTime';

const dependentRelationships = relationships.filter((r) => r !== 'subscriber');

export function DashboardPage() {
  const role = useGroupRole();
  if (role !== null && !roleAllows(role, 'members.read')) return <BillingDashboard role={role} />;
  return <MembershipDashboard />;
}

function MembershipDashboard() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const counts = useQuery('dashboard.counts', { groupNumber });
  const show = useShowInRoster();
  // The day the page opened: the trend and the date picker start from it.
  const [today] = useState(todayIso);
  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && event.groupNumber === groupNumber) counts.reload();
  });

  const data = counts.data;
  return (
    <div className="page page-dashboard">
      <div className="page-header">
        <h1 className="page-title">Dashboard</h1>
        <p className="as-of">{data ? <>As of {formatInstant(data.asOf)}</> : <Skeleton width={110} height={18} />}</p>
      </div>
      {counts.status === 'error' && !data ? (
        <ErrorState title="Membership counts could not be loaded" error={counts.error} onRetry={counts.reload} />
      ) : !data ? (
        <SkeletonBlock label="Loading membership counts…" lines={6} />
      ) : (
        <>
          <section aria-label="Membership counts" className="stats">
            <StatCard label="Employees" value={data.active.subscribers} hint="Active, with their own coverage" showLabel="View active employees in the roster" onShow={() => show({ statuses: ['active'], relationships: ['subscriber'] })} />
            <StatCard label="Dependents" value={data.active.dependents} hint="Active family members" showLabel="View active dependents in the roster" onShow={() => show({ statuses: ['active'], relationships: dependentRelationships })} />
            <StatCard label="Total members" value={data.active.total} hint="Covered today" showLabel="View all active members in the roster" onShow={() => show({ statuses: ['active'] })} />
            <StatCard label="Pending" value={data.pending.total} hint="Coverage not yet started" showLabel="View pending members in the roster" onShow={() => show({ statuses: ['pending'] })} />
            <StatCard label="Terminated" value={data.terminated.total} hint="Ended in the last two years" showLabel="View terminated members in the roster" onShow={() => show({ statuses: ['terminated'] })} />
          </section>
          <div className="dashboard-grid">
            <PlanBreakdown byPlan={data.byPlan} onShowPlan={(planCode) => show({ statuses: ['active'], planCodes: [planCode] })} />
            <TierBreakdown byTier={data.byTier} />
          </div>
          <CoverageOverTime groupNumber={groupNumber} today={today} />
        </>
      )}
    </div>
  );
}
