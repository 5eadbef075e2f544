import { sql } from 'drizzle-orm';
import type { Role } from '../../../../shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from './create-group';

/** Gives the user `role` in the group, replacing any role they had there. Call inside the write's transaction. */
export async function grantRole(tx: Db, grant: { userId: string; groupNumber: string; role: Role }, actor: Actor, now: Date): Promise<void> {
  await tx
    .insert(groupUsers)
    .values({ ...grant, grantedAt: now, grantedBy: actor.actorUserId })
    .onConflictDoUpdate({
      target: [groupUsers.userId, groupUsers.groupNumber],
      set: { role: sql`excluded.role`, grantedAt: now, grantedBy: actor.actorUserId },
    });
  await recordAudit(tx, { ...actor, action: 'group.grant_role', target: `group:${grant.groupNumber}`, detail: { userId: grant.userId, role: grant.role }, at: now });
}
