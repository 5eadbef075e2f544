import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { recordAudit } from '../audit';
import { hashPassword, passwordMatches } from './password-hash';
import { passwordProblem } from './passwords';
import { guardedPasswordCheck } from './lockout';
import { revokeOtherSessions, type SessionIdentity } from './sessions';
import { forgetDevices } from './two-factor/device-tokens';

/**
 * Replaces the password after checking the current one, and signs out every other session of the
 * user: whoever may have learned the old password loses any session they opened with it (and any
 * remembered computer). Wrong
 * current passwords count as failed sign-ins: a stolen session must not become a way to guess it.
 */
export async function changePassword(
  db: Db,
  identity: SessionIdentity,
  input: { currentPassword: string; newPassword: string },
  origin: { ip: string; now: Date },
): Promise<number> {
  const [user] = await db.select().from(users).where(eq(users.userId, identity.userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  const matched = await guardedPasswordCheck(db, { userId: user.userId, ip: origin.ip }, origin.now, async (tx) => {
    const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.userId, user.userId)).limit(1);
    return row && (await passwordMatches(row.passwordHash, input.currentPassword)) ? true : undefined;
  });
  if (!matched) {
    throw new ContractFailure('VALIDATION', 'Your current password is not right.', { currentPassword: 'Not right' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new ContractFailure('VALIDATION', 'Choose a new password different from the current one.', { newPassword: 'Same as the current password' });
  }
  const problem = passwordProblem(input.newPassword, user.userId);
  if (problem) throw new ContractFailure('VALIDATION', problem, { newPassword: problem });
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: origin.now }).where(eq(users.userId, user.userId));
    const ended = await revokeOtherSessions(tx, user.userId, identity.sessionId, origin.now);
    // Whoever knew the old password may also have had a remembered computer: it passes the second step again.
    await forgetDevices(tx, user.userId, origin.now);
    await recordAudit(tx, { actorUserId: user.userId, sessionId: identity.sessionId, action: 'account.change_password', target: `user:${user.userId}`, detail: { endedSessions: ended }, ip: origin.ip, at: origin.now });
    return ended;
  });
}
