import { eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { invitations } from '../../store/schema';
import { recordAudit } from '../audit';
import { messageInstant } from '../throttled-failure';
import type { Actor } from '../groups/create-group';
import { lockGroupForManager } from '../groups/grant-role';
import { accessCodeHash, newAccessCode } from './access-code';
import { invitationForUpdate, refuseDuplicateInvitation } from './guards';
import { invitationStatusOf } from './invitation-view';
import { codeExpiry, sentInvitation, type SentInvitation } from './sent-invitation';

/** A code is mailed again no sooner than this after the last one, so resending cannot flood an inbox. */
export const RESEND_AFTER_MINUTES = 5;

/**
 * Sends a pending or expired invitation again with a new code and a new 7 days. The old code's
 * hash is replaced, so the old code stops working at once (a forwarded or leaked mail opens nothing).
 */
export async function resendInvitation(db: Db, groupNumber: string, id: number, actor: Actor, context: { now: Date; publicUrl: string }): Promise<SentInvitation> {
  const { now } = context;
  return db.transaction(async (tx) => {
    const group = await lockGroupForManager(tx, groupNumber, actor.actorUserId);
    const current = await invitationForUpdate(tx, groupNumber, id);
    const status = invitationStatusOf(current, now);
    if (status === 'accepted') throw new ContractFailure('CONFLICT', `This invitation was already accepted by ${current.acceptedBy}: there is no code to resend.`);
    if (status === 'revoked') throw new ContractFailure('CONFLICT', `This invitation was revoked. Invite ${current.email} again instead.`);
    await refuseDuplicateInvitation(tx, groupNumber, current.email, now, id);
    const resendFrom = new Date(current.sentAt.getTime() + RESEND_AFTER_MINUTES * 60_000);
    if (resendFrom > now) {
      throw new ContractFailure('RULE', `A code went to ${current.email} at ${messageInstant(current.sentAt)}. Ask them to check their inbox and spam folder; you can send a new one after ${messageInstant(resendFrom)}.`);
    }
    const code = newAccessCode();
    const [row] = await tx
      .update(invitations)
      .set({ accessCodeHash: accessCodeHash(code), sentAt: now, expiresAt: codeExpiry(now), resendCount: sql`${invitations.resendCount} + 1` })
      .where(eq(invitations.id, id))
      .returning();
    if (!row) throw new Error('The invitation update returned no row');
    await recordAudit(tx, { ...actor, action: 'invitation.resend', target: `invitation:${id}`, detail: { groupNumber, wasExpired: status === 'expired', resendCount: row.resendCount }, at: now });
    return sentInvitation(tx, row, code, { companyName: group.name, publicUrl: context.publicUrl, now });
  });
}
