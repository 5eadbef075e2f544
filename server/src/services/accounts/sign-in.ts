import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { ThrottledFailure, secondsUntil, utcClock } from '../throttled-failure';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { recordAudit } from '../audit';
import { decoyPasswordHash, passwordMatches } from './passwords';
import { activeLock, recordAttempt, type Lock } from './lockout';
import { createSession } from './sessions';
import { maskEmail } from './mask-email';

function locked(lock: Lock, now: Date): ThrottledFailure {
  const seconds = secondsUntil(lock.until, now);
  const minutes = Math.ceil(seconds / 60);
  const who = lock.subject === 'user' ? 'this user ID' : 'sign-ins from your network';
  return new ThrottledFailure(`Too many failed sign-ins: ${who} is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${utcClock(lock.until)}). Try again then.`, seconds);
}

/**
 * Checks the password and opens a session. A wrong user ID and a wrong password get the same
 * answer in the same time; repeated failures lock the user ID (and a spraying address).
 */
export async function signIn(db: Db, input: { userId: string; password: string }, origin: { ip: string; now: Date }): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const { now, ip } = origin;
  const lock = await activeLock(db, input.userId, ip, now);
  if (lock) throw locked(lock, now);
  const [user] = await db.select().from(users).where(eq(users.userId, input.userId)).limit(1);
  const matches = await passwordMatches(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !matches) {
    const newLock = await recordAttempt(db, { userId: input.userId, ip, succeeded: false }, now);
    if (newLock) throw locked(newLock, now);
    throw new ContractFailure('AUTH', 'The user ID or password is not right.');
  }
  if (!user.emailVerifiedAt) {
    throw new ContractFailure('FORBIDDEN', `Verify your e-mail address before signing in: enter the code we sent to ${maskEmail(user.email)}, or ask for a new one.`);
  }
  await recordAttempt(db, { userId: user.userId, ip, succeeded: true }, now);
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.userId, ip, now);
    await recordAudit(tx, { actorUserId: user.userId, sessionId: session.sessionId, action: 'session.create', target: `user:${user.userId}`, ip, at: now });
    return session;
  });
}
