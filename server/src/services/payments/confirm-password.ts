import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { activeLock, recordAttempt, type Lock } from '../accounts/lockout';
import { passwordMatches } from '../accounts/passwords';
import { secondsUntil, ThrottledFailure, utcClock } from '../throttled-failure';

const lockedOut = (lock: Lock, now: Date) =>
  new ThrottledFailure(`Too many wrong passwords: your user ID is locked until ${utcClock(lock.until)}. Try again then.`, secondsUntil(lock.until, now));

/**
 * Asks the signed-in user's password again before a step that can move money (adding a bank
 * account, enrolling in autopay): a session left open on a shared computer is not enough. Wrong
 * answers count as failed sign-ins, so guessing here locks the user ID as guessing at sign-in does.
 * A wrong password is FORBIDDEN, not AUTH: the session stays valid and the client must not drop it.
 */
export async function confirmPassword(db: Db, userId: string, password: string, origin: { ip: string; now: Date }): Promise<void> {
  const lock = await activeLock(db, userId, origin.ip, origin.now);
  if (lock) throw lockedOut(lock, origin.now);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.userId, userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  if (await passwordMatches(user.passwordHash, password)) {
    await recordAttempt(db, { userId, ip: origin.ip, succeeded: true }, origin.now);
    return;
  }
  const newLock = await recordAttempt(db, { userId, ip: origin.ip, succeeded: false }, origin.now);
  if (newLock) throw lockedOut(newLock, origin.now);
  throw new ContractFailure('FORBIDDEN', 'Your password is not right: enter the password you sign in with.', { password: 'Not right' });
}
