import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Invitation } from '@shared/plan-api/invitations';
import type { Db } from '../../store/db';
import { invitations } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { lockGroupForManager } from '../groups/grant-role';
import { invitationForUpdate } from './guards';
import { invitationStatusOf, invitationView } from './invitation-view';

/**
 * Withdraws a pending or expired invitation: its code stops working, and whoever types it is told
 * the administrator withdrew it. Revoking a revoked invitation answers it as it is (a retried
 * DELETE), and changes and audits nothing.
 */
export async function revokeInvitation(db: Db, groupNumber: string, id: number, actor: Actor, now: Date): Promise<Invitation> {
  return db.transaction(async (tx) => {
    await lockGroupForManager(tx, groupNumber, actor.actorUserId);
    const current = await invitationForUpdate(tx, groupNumber, id);
    const status = invitationStatusOf(current, now);
    if (status === 'revoked') return invitationView(current, now);
    if (status === 'accepted') {
      throw new ContractFailure('CONFLICT', `This invitation was already accepted by ${current.acceptedBy}. Remove the user from the group instead.`);
    }
    const [row] = await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id)).returning();
    if (!row) throw new Error('The invitation update returned no row');
    await recordAudit(tx, { ...actor, action: 'invitation.revoke', target: `invitation:${id}`, detail: { groupNumber, wasExpired: status === 'expired' }, at: now });
    return invitationView(row, now);
  });
}
