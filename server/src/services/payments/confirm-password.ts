import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { guardedPasswordCheck } from '../accounts/lockout';
import { passwordMatches } from '../accounts/password-hash';

/**
 * Asks the signed-in user's password again before a step that can move money (adding a bank
 * account, enrolling in autopay): a session left open on a shared computer is not enough. Wrong
 * answers count as failed sign-ins, so guessing here locks the user ID as guessing at sign-in does.
 * A wrong password is FORBIDDEN, not AUTH: the session stays valid and the client must not drop it.
 */
export async function confirmPassword(db: Db, userId: string, password: string, origin: { ip: string; now: Date }): Promise<void> {
  const [user] = await db.select({ userId: users.userId }).from(users).where(eq(users.userId, userId)).limit(1);
  if (!user) throw new ContractFailure('AUTH', 'Sign in again: this account no longer exists.');
  const matched = await guardedPasswordCheck(db, { userId, ip: origin.ip }, origin.now, async (tx) => {
    const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.userId, userId)).limit(1);
    return row && (await passwordMatches(row.passwordHash, password)) ? true : undefined;
  });
  if (!matched) throw new ContractFailure('FORBIDDEN', 'Your password is not right: enter the password you sign in with.', { password: 'Not right' });
}
