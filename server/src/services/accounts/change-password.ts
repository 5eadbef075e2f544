import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { recordAudit } from '../audit';
import { hashPassword, passwordMatches, passwordProblem } from './passwords';
import { revokeOtherSessions, type SessionIdentity } from './sessions';

/**
 * Replaces the password after checking the current one, and signs out every other session of the
 * user: whoever may have learned the old password loses any session they opened with it.
 */
export async function changePassword(
  db: Db,
  identity: SessionIdentity,
  input: { currentPassword: string; newPassword: string },
  origin: { ip: string | null; now: Date },
): Promise<number> {
  const [user] = await db.select().from(users).where(eq(users.userId, identity.userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  if (!(await passwordMatches(user.passwordHash, input.currentPassword))) {
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
    await recordAudit(tx, { actorUserId: user.userId, sessionId: identity.sessionId, action: 'account.change_password', target: `user:${user.userId}`, detail: { endedSessions: ended }, ip: origin.ip, at: origin.now });
    return ended;
  });
}
