import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { roleAllows, type Role } from '@shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers, groups } from '../../store/schema';
import { recordAudit } from '../audit';
import { appendChanges, type ChangeToRecord } from '../changes/append';
import type { Actor } from './create-group';

/**
 * Gives the user `role` in the group, replacing any role they had there, and tells the group's
 * change feed (entity `user`, only what a member of the group may see: ID, name, role, status).
 * Call inside the write's transaction, as its LAST step: the feed append must be the transaction's
 * last statement (services/changes/append.ts).
 */
export async function grantRole(tx: Db, grant: { userId: string; groupNumber: string; role: Role }, actor: Actor, now: Date): Promise<void> {
  const [granted] = await tx
    .insert(groupUsers)
    .values({ ...grant, grantedAt: now, grantedBy: actor.actorUserId })
    .onConflictDoUpdate({
      target: [groupUsers.userId, groupUsers.groupNumber],
      set: { role: sql`excluded.role`, grantedAt: now, grantedBy: actor.actorUserId },
    })
    .returning({ name: sql<string | null>`(SELECT name FROM users WHERE users.user_id = group_users.user_id)` });
  await recordAudit(tx, { ...actor, action: 'group.grant_role', target: `group:${grant.groupNumber}`, detail: { userId: grant.userId, role: grant.role }, at: now });
  await appendChanges(tx, grant.groupNumber, now.toISOString(), [userRoleEntry(grant.userId, granted?.name ?? null, grant.role)]);
}

/** The feed entry of a user's role in the group, as every member of the group may read it. */
export const userRoleEntry = (userId: string, name: string | null, role: Role): ChangeToRecord => ({
  entity: 'user',
  entityId: userId,
  op: 'upsert',
  payload: { userId, name, role, status: 'active' },
});

/**
 * Serializes the writes to one group's users and invitations (invite, resend, redeem, change a
 * role, remove a user) by locking the group's row until commit, so two administrators cannot both
 * pass a check such as "the last primary administrator stays" or "one pending invitation per
 * address". NO KEY UPDATE: rows that merely reference the group (members, the feed) still write.
 */
export async function lockGroupUsers(tx: Db, groupNumber: string): Promise<{ name: string }> {
  const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.groupNumber, groupNumber)).for('no key update');
  if (!group) throw new ContractFailure('NOT_FOUND', `There is no group ${groupNumber}.`);
  return group;
}

/** The user's role in the group, or null; read under lockGroupUsers it cannot change before commit. */
export async function roleIn(tx: Db, userId: string, groupNumber: string): Promise<Role | null> {
  const [row] = await tx
    .select({ role: groupUsers.role })
    .from(groupUsers)
    .where(and(eq(groupUsers.userId, userId), eq(groupUsers.groupNumber, groupNumber)));
  return row?.role ?? null;
}

/**
 * lockGroupUsers for a primary administrator's change: the route checked the role before the
 * transaction, and it is checked again under the lock, because another primary administrator may
 * have changed it in between.
 */
export async function lockGroupForManager(tx: Db, groupNumber: string, managerUserId: string): Promise<{ name: string }> {
  const group = await lockGroupUsers(tx, groupNumber);
  const role = await roleIn(tx, managerUserId, groupNumber);
  if (!role || !roleAllows(role, 'users.manage')) {
    throw new ContractFailure('FORBIDDEN', `Only a primary administrator of group ${groupNumber} can manage its users.`);
  }
  return group;
}
