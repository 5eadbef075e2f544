import { cobraNote } from '@shared/domain/termination';
import { isTerminationReasonId } from '@shared/domain/termination-reasons';
import { useQuery } from '../../api/use-query';
import './terminate.css';

/** Federal COBRA covers employers with 20 or more employees (29 U.S.C. 1161(b)). */
const cobraThreshold = 20;

/**
 * Whether the chosen reason gives continuation rights. The plan knows how many people the group
 * enrolls, not how many it employs: active subscribers are a floor for the head count, so at 20 or
 * more federal COBRA surely applies, and below that the note says state continuation may apply.
 */
export function CobraNotice({ groupNumber, reason }: { groupNumber: string; reason: string }) {
  const counts = useQuery('dashboard.counts', { groupNumber });
  if (!isTerminationReasonId(reason) || !counts.data) return null;
  const note = cobraNote(reason, { employeeCount: counts.data.active.subscribers, threshold: cobraThreshold });
  return (
    <div className={`cobra-note${note.eligible ? ' is-eligible' : ''}`} role="note" aria-label="COBRA">
      <strong>{note.eligible ? `COBRA: up to ${note.months ?? ''} months` : 'COBRA'}</strong>
      <p>{note.message}</p>
    </div>
  );
}
