import { ContractFailure } from '@shared/contract';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { statement } from '../../store/statements';
import { applyDeferredRemote } from '../../store/members/deferred-remote';
import { outboxMemberIds, requireOutboxRow, toActivityItem, undoOf } from '../../outbox/outbox-rows';
import { otherOpenChange, restoreUndo } from '../../outbox/pending-writer';
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
    const clear = statement(db, 'UPDATE members SET pending_sync = 0 WHERE member_id = ? AND pending_sync = 1');
    for (const memberId of named) if (!otherOpenChange(db, memberId, id)) clear.run(memberId);
    statement(db, `UPDATE outbox SET status = 'cancelled', undo = '{}', secrets_encrypted = NULL, resolved_at = ?, updated_at = ? WHERE id = ?`).run(env.now, env.now, id);
    statement(db, 'UPDATE wizard_drafts SET outbox_ref = NULL, updated_at = ? WHERE outbox_ref = ?').run(env.now, id);
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
  statement(db, `UPDATE outbox SET status = 'cancelled', secrets_encrypted = NULL, updated_at = ? WHERE id = ?`).run(env.now, id);
  statement(db, 'DELETE FROM wizard_drafts WHERE outbox_ref = ?').run(id);
  return { item: toActivityItem(db, requireOutboxRow(db, groupNumber, id)), rosterChanged: false };
}
