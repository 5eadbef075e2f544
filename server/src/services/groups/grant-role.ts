import { sql } from 'drizzle-orm';
import type { Role } from '../../../../shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers } from '../../store/schema';
import { recordAudit } from '../audit';
import { appendChanges } from '../changes/append';
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
  await appendChanges(tx, grant.groupNumber, now.toISOString(), [
    { entity: 'user', entityId: grant.userId, op: 'upsert', payload: { userId: grant.userId, name: granted?.name ?? null, role: grant.role, status: 'active' } },
  ]);
}
