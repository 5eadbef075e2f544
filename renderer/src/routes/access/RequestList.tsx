import type { AccessRequest } from '@shared/plan-api/access-requests';
import { useCoreEvent } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatInstant } from '../../components/format';

const statusWords: Record<AccessRequest['status'], { label: string; badge: string }> = {
  pending: { label: 'Pending', badge: 'badge-tx-queued' },
  approved: { label: 'Approved', badge: 'badge-tx-accepted' },
  rejected: { label: 'Not approved', badge: 'badge-tx-rejected' },
};

function Outcome({ request }: { request: AccessRequest }) {
  if (request.status === 'pending') return <>Expected by {formatDate(request.expectedCompletion)}</>;
  if (request.status === 'rejected' && request.decisionReason) return <>{request.decisionReason}</>;
  return request.decidedAt ? <>Decided {formatInstant(request.decidedAt)}</> : null;
}

/**
 * The user's primary-administrator requests, newest first. They are kept on this computer too, so
 * they show offline; the core says `access.changed` when one is filed or the plan decides one.
 */
export function RequestList() {
  const overview = useQuery('access.overview', {});
  const reload = overview.reload;
  useCoreEvent((event) => {
    if (event.type === 'access.changed') reload();
  });

  if (overview.status === 'error' && !overview.data) return <ErrorState title="Your requests could not be loaded" error={overview.error} onRetry={reload} />;
  if (!overview.data) return <SkeletonBlock label="Loading your requests…" lines={3} />;
  const { requests, refreshedAt } = overview.data;
  if (requests.length === 0) return <p className="muted">You have not asked to be a group’s primary administrator from this user ID.</p>;
  return (
    <>
      <TableScroll labelledBy="access-requests-caption">
        <table className="table access-requests">
          <caption id="access-requests-caption" className="visually-hidden">
            Your primary administrator requests
          </caption>
          <thead>
            <tr>
              <th scope="col">Confirmation number</th>
              <th scope="col">Group</th>
              <th scope="col">Company</th>
              <th scope="col">Submitted</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.confirmationNumber}>
                <th scope="row" className="mono">
                  {r.confirmationNumber}
                </th>
                <td className="mono">{r.groupNumber}</td>
                <td>{r.companyName}</td>
                <td className="tabular">{formatInstant(r.submittedAt)}</td>
                <td>
                  <span className={`badge ${statusWords[r.status].badge}`}>{statusWords[r.status].label}</span>
                  <span className="access-outcome">
                    <Outcome request={r} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {refreshedAt && <p className="access-checked">Checked with the plan at {formatInstant(refreshedAt)}</p>}
    </>
  );
}
