import { and, eq, isNull } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { roleLabels } from '@shared/contract/roles';
import type { RedeemResponse } from '@shared/plan-api/invitations';
import type { Db } from '../../store/db';
import { invitations, users } from '../../store/schema';
import { announceToUser } from '../accounts/announce';
import { maskEmail } from '../accounts/mask-email';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { grantRole, lockGroupUsers, roleIn } from '../groups/grant-role';
import { accessCodeHash } from './access-code';
import { lookUpCode, recordRightCode, recordWrongCode } from './code-lockout';
import { expiryDay, invitationStatusOf, type InvitationRow } from './invitation-view';

/**
 * The signed-in user enters the access code from their invitation e-mail and gains the invited role
 * in the group. A wrong code, or a right code typed by an account with another e-mail address,
 * counts toward the code-entry lockout; every refusal says what to do next.
 */
export async function redeemAccessCode(db: Db, code: string, actor: Actor & { ip: string }, now: Date): Promise<RedeemResponse> {
  const userId = actor.actorUserId;
  const attempt = { userId, ip: actor.ip };
  const hash = accessCodeHash(code);
  const looked = await lookUpCode(db, attempt, now, async (tx) => (await tx.select().from(invitations).where(eq(invitations.accessCodeHash, hash)).limit(1))[0]);
  if ('triesLeft' in looked) {
    const { triesLeft } = looked;
    const message = `That access code is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`;
    throw new ContractFailure('RULE', message, { code: message });
  }
  const invitation = looked.found;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.userId, userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  // The code was mailed to one address; someone else holding it (a forwarded mail) is not its invitee.
  if (user.email.toLowerCase() !== invitation.email) {
    await recordWrongCode(db, attempt, now);
    fail(`This access code was sent to ${maskEmail(invitation.email)}. Sign in with the account registered to that address.`);
  }
  await refuseUnusable(db, invitation, now);

  return db.transaction(async (tx) => {
    const group = await lockGroupUsers(tx, invitation.groupNumber);
    const [current] = await tx.select().from(invitations).where(eq(invitations.id, invitation.id)).for('update');
    // Read again under the lock: the administrator may have revoked or resent it, or a second tab redeemed it.
    if (!current || current.accessCodeHash !== invitation.accessCodeHash) fail('This access code was replaced by a newer one. Use the code from the latest e-mail.');
    await refuseUnusable(tx, current, now);
    const held = await roleIn(tx, userId, invitation.groupNumber);
    if (held) throw new ContractFailure('CONFLICT', `You already have access to group ${invitation.groupNumber} as ${roleLabels[held]}.`);
    await tx
      .update(invitations)
      .set({ acceptedBy: userId, acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)));
    await recordRightCode(tx, attempt, now);
    await recordAudit(tx, { ...actor, action: 'invitation.accept', target: `invitation:${invitation.id}`, detail: { groupNumber: invitation.groupNumber, role: invitation.role }, at: now });
    await announceToUser(tx, userId, 'role');
    // Last: it appends to the group's change feed, which must end the transaction.
    await grantRole(tx, { userId, groupNumber: invitation.groupNumber, role: invitation.role }, actor, now);
    return { groupNumber: invitation.groupNumber, name: group.name, role: invitation.role };
  });
}

function fail(message: string): never {
  throw new ContractFailure('RULE', message, { code: message });
}

/** Used, withdrawn and expired codes: not guesses (the code is real), so they do not count as wrong. */
async function refuseUnusable(db: Db, invitation: InvitationRow, now: Date): Promise<void> {
  const status = invitationStatusOf(invitation, now);
  if (status === 'accepted') fail('This access code was already used.');
  if (status === 'revoked') fail("This invitation was withdrawn by the group's administrator.");
  if (status === 'expired') {
    const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.userId, invitation.invitedBy)).limit(1);
    fail(`This access code expired on ${expiryDay(invitation.expiresAt)}. Ask ${inviter?.name ?? "the group's primary administrator"} to send a new one.`);
  }
}
