import { ContractFailure } from '@shared/contract';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { deleteDraftsOf, unlinkDrafts } from '../../store/repositories/drafts-repository';
import { applyDeferredRemote } from '../../store/members/deferred-remote';
import { markCancelled, markRejectionWithdrawn, otherOpenChange, outboxMemberIds, requireOutboxRow, toActivityItem, undoOf } from '../../outbox/outbox-repository';
import { restoreUndo } from '../../outbox/pending-writer';
import { clearPendingFlag } from '../../store/members/members-repository';
import type { QueueEnv } from './queue-change';

/**
 * Withdraws a queued transaction before it is sent: its pending local change is undone exactly and
 * its draft (if any) is unlinked, so the input is kept as an unfinished wizard. A sent one may have
 * reached the plan already, so only its answer can settle it. A rejected one is withdrawn for good.
 */
export function cancelTransaction(env: QueueEnv, groupNumber: string, id: number): { item: ActivityItem; rosterChanged: boolean } {
  const { db } = env.store;
  return db.transaction(() => {
    const row = requireOutboxRow(db, groupNumber, id);
    if (row.status === 'sent') {
      throw new ContractFailure('RULE', `Transaction #${id} was already sent to the plan, so it can no longer be cancelled: wait for the plan's answer.`, { id: 'Already sent' });
    }
    if (row.status === 'rejected') return withdrawRejected(env, groupNumber, id);
    if (row.status !== 'queued') throw new ContractFailure('RULE', `Transaction #${id} is ${row.status}: only a queued or rejected transaction can be cancelled.`, { id: `Already ${row.status}` });
    const undo = undoOf(row);
    const restored = restoreUndo(db, undo, id);
    const named = outboxMemberIds(db, id).filter((m) => !isProvisionalMemberId(m));
    for (const memberId of named) if (!otherOpenChange(db, memberId, id)) clearPendingFlag(db, memberId);
    markCancelled(db, id, env.now);
    unlinkDrafts(db, id, env.now);
    applyDeferredRemote(env.store, [...new Set([...restored, ...named])]);
    const rosterChanged = restored.length > 0 || undo.provisional.length > 0;
    return { item: toActivityItem(db, requireOutboxRow(db, groupNumber, id)), rosterChanged };
  })();
}

/**
 * A rejected transaction the user gives up on: its local change was undone when the plan refused it,
 * so only its status moves (it stops counting as needing attention) and the input kept for
 * correcting it is deleted. Activity still shows what was sent and why the plan refused it.
 */
function withdrawRejected(env: QueueEnv, groupNumber: string, id: number): { item: ActivityItem; rosterChanged: boolean } {
  const { db } = env.store;
  markRejectionWithdrawn(db, id, env.now);
  deleteDraftsOf(db, id);
  return { item: toActivityItem(db, requireOutboxRow(db, groupNumber, id)), rosterChanged: false };
}
