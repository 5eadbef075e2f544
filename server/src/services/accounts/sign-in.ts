import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { recordAudit } from '../audit';
import { decoyPasswordHash, hashPassword, needsRehash, passwordMatches } from './password-hash';
import { guardedPasswordCheck } from './lockout';
import { createSession } from './sessions';
import { maskEmail } from './mask-email';

/**
 * Checks the password and opens a session. A wrong user ID and a wrong password get the same
 * answer in the same time; repeated failures lock the user ID from that address (and from
 * everywhere past a higher ceiling, and a spraying address). A hash made with parameters other than
 * today's is replaced while the password is at hand.
 */
export async function signIn(db: Db, input: { userId: string; password: string }, origin: { ip: string; now: Date }): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const { now, ip } = origin;
  const user = await guardedPasswordCheck(db, { userId: input.userId, ip }, now, async (tx) => {
    const [found] = await tx.select().from(users).where(eq(users.userId, input.userId)).limit(1);
    if (!(await passwordMatches(found?.passwordHash ?? (await decoyPasswordHash()), input.password)) || !found) return undefined;
    if (needsRehash(found.passwordHash)) {
      await tx.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.userId, found.userId));
    }
    return found;
  });
  if (!user) throw new ContractFailure('AUTH', 'The user ID or password is not right.');
  if (!user.emailVerifiedAt) {
    throw new ContractFailure('FORBIDDEN', `Verify your e-mail address before signing in: enter the code we sent to ${maskEmail(user.email)}, or ask for a new one.`);
  }
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.userId, ip, now);
    await recordAudit(tx, { actorUserId: user.userId, sessionId: session.sessionId, action: 'session.create', target: `user:${user.userId}`, ip, at: now });
    return session;
  });
}
