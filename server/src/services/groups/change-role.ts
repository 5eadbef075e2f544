import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Role } from '@shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers } from '../../store/schema';
import { announceToUser } from '../accounts/announce';
import { recordAudit } from '../audit';
import { appendChanges } from '../changes/append';
import type { Actor } from './create-group';
import { lockGroupForManager, roleIn, userRoleEntry } from './grant-role';

/**
 * A primary administrator changes another user's role in the group. The group never loses its
 * last primary administrator this way: the acting user is one (checked under the group lock) and
 * cannot change their own role, so at least they remain.
 */
export async function changeRole(db: Db, change: { groupNumber: string; userId: string; role: Role }, actor: Actor, now: Date): Promise<void> {
  const { groupNumber, userId, role } = change;
  await db.transaction(async (tx) => {
    await lockGroupForManager(tx, groupNumber, actor.actorUserId);
    const from = await targetRole(tx, groupNumber, userId, actor, 'change your own role');
    if (from === role) return;
    const [changed] = await tx
      .update(groupUsers)
      .set({ role, grantedAt: now, grantedBy: actor.actorUserId })
      .where(and(eq(groupUsers.userId, userId), eq(groupUsers.groupNumber, groupNumber)))
      .returning({ name: sql<string | null>`(SELECT name FROM users WHERE users.user_id = group_users.user_id)` });
    await recordAudit(tx, { ...actor, action: 'group.change_role', target: `group:${groupNumber}`, detail: { userId, from, to: role }, at: now });
    await announceToUser(tx, userId, 'role');
    // Last: the feed append must end the transaction (services/changes/append.ts).
    await appendChanges(tx, groupNumber, now.toISOString(), [userRoleEntry(userId, changed?.name ?? null, role)]);
  });
}

/** The role of the user a primary administrator acts on, who must be another user of the group. */
export async function targetRole(tx: Db, groupNumber: string, userId: string, actor: Actor, what: string): Promise<Role> {
  if (userId === actor.actorUserId) {
    throw new ContractFailure('RULE', `You cannot ${what}. Another primary administrator of group ${groupNumber} can.`);
  }
  const role = await roleIn(tx, userId, groupNumber);
  if (!role) throw new ContractFailure('NOT_FOUND', `${userId} is not a user of group ${groupNumber}.`);
  return role;
}
