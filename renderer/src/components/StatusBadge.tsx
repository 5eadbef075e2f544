import type { MemberStatus } from '../../../shared/contract/schemas/member';
import { statusLabels } from './format';

export function StatusBadge({ status, pendingSync = false }: { status: MemberStatus; pendingSync?: boolean }) {
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>{statusLabels[status]}</span>
      {pendingSync && (
        <span className="badge badge-sync" title="Saved here, not yet accepted by the plan">
          Not yet sent
        </span>
      )}
    </span>
  );
}
