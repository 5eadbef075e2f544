import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { roleLabels } from '@shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers, invitations, users } from '../../store/schema';
import { expiryDay, type InvitationRow } from './invitation-view';

/**
 * Refuses to send a code to an address that already has access to the group, or that already has
 * a pending invitation there (`except`: the invitation being resent). Run under lockGroupUsers,
 * so two administrators inviting the same person at once cannot both pass.
 */
export async function refuseDuplicateInvitation(tx: Db, groupNumber: string, email: string, now: Date, except?: number): Promise<void> {
  const [holder] = await tx
    .select({ role: groupUsers.role })
    .from(groupUsers)
    .innerJoin(users, eq(users.userId, groupUsers.userId))
    .where(and(eq(groupUsers.groupNumber, groupNumber), eq(sql`lower(${users.email})`, email)))
    .limit(1);
  if (holder) {
    const message = `${email} already has access to group ${groupNumber} as ${roleLabels[holder.role]}. Change their role in the users list instead.`;
    throw new ContractFailure('CONFLICT', message, { email: message });
  }
  const [pending] = await tx
    .select({ expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.groupNumber, groupNumber),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        except === undefined ? undefined : ne(invitations.id, except),
      ),
    )
    .limit(1);
  if (pending) {
    const message = `${email} already has a pending invitation to group ${groupNumber} (its code expires on ${expiryDay(pending.expiresAt)}): resend it instead.`;
    throw new ContractFailure('CONFLICT', message, { email: message });
  }
}

/** The group's invitation, locked until commit; another group's ID is as unknown as a missing one. */
export async function invitationForUpdate(tx: Db, groupNumber: string, id: number): Promise<InvitationRow> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.groupNumber, groupNumber)))
    .for('update');
  if (!row) throw new ContractFailure('NOT_FOUND', `There is no invitation ${id} in group ${groupNumber}.`);
  return row;
}
