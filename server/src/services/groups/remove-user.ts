import { and, eq } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groupUsers } from '../../store/schema';
import { announceToUser } from '../accounts/announce';
import { recordAudit } from '../audit';
import { appendChanges } from '../changes/append';
import { targetRole } from './change-role';
import type { Actor } from './create-group';
import { lockGroupForManager } from './grant-role';

/**
 * A primary administrator takes another user's access to the group away, effective at once: the
 * service refuses their next request there. Their desktop learns it from their own stream
 * (GET /v1/me/stream), since they can no longer read the group's feed; the feed's `user` delete
 * tells everyone else's. As with changeRole, the acting primary administrator always remains.
 */
export async function removeUser(db: Db, removal: { groupNumber: string; userId: string }, actor: Actor, now: Date): Promise<void> {
  const { groupNumber, userId } = removal;
  await db.transaction(async (tx) => {
    await lockGroupForManager(tx, groupNumber, actor.actorUserId);
    const role = await targetRole(tx, groupNumber, userId, actor, 'remove yourself from the group');
    await tx.delete(groupUsers).where(and(eq(groupUsers.userId, userId), eq(groupUsers.groupNumber, groupNumber)));
    await recordAudit(tx, { ...actor, action: 'group.remove_user', target: `group:${groupNumber}`, detail: { userId, role }, at: now });
    await announceToUser(tx, userId, 'role');
    // Last: the feed append must end the transaction (services/changes/append.ts).
    await appendChanges(tx, groupNumber, now.toISOString(), [{ entity: 'user', entityId: userId, op: 'delete', payload: null }]);
  });
}
