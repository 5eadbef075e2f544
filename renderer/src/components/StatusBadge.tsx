import type { MemberStatus } from '@shared/contract/schemas/member';
import { statusLabels } from './format';

export function StatusBadge({ status, pendingSync = false }: { status: MemberStatus; pendingSync?: boolean }) {
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>{statusLabels[status]}</span>
      {pendingSync && (
        <span className="badge badge-sync" title="Saved on this computer; the plan has not accepted it yet">
          Waiting for the plan
        </span>
      )}
    </span>
  );
}
