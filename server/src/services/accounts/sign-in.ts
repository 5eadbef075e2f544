import { eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { twoFactor, users } from '../../store/schema';
import { recordAudit } from '../audit';
import { decoyPasswordHash, hashPassword, needsRehash, passwordMatches } from './password-hash';
import { guardedPasswordCheck } from './lockout';
import { createSession } from './sessions';
import { maskEmail } from './mask-email';
import { deviceRemembered, rememberDevice } from './two-factor/device-tokens';
import { challengedUser, consumeChallenge, issueChallenge } from './two-factor/challenges';
import { twoFactorRequired } from './two-factor/policy';
import { secondFactorMatches, type SecondFactor } from './two-factor/second-factor';
import type { TwoFactorDeps } from './two-factor/enrollment';

interface Origin {
  ip: string;
  now: Date;
}

export interface OpenedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
  /** Set when the session reaches only two-step sign-in enrollment. */
  limitedTo?: 'two_factor_enrollment';
}

export type SignInOutcome = { session: OpenedSession } | { challenge: string; expiresAt: Date };

/**
 * Checks the password and opens a session, or, when the user has two-step sign-in on and this
 * computer is not remembered, answers with a challenge for the second step. A wrong user ID and a
 * wrong password get the same answer in the same time; repeated failures lock the user ID from that
 * address (and from everywhere past a higher ceiling, and a spraying address). A hash made with
 * parameters other than today's is replaced while the password is at hand.
 */
export async function signIn(db: Db, twoFactorDeps: TwoFactorDeps, input: { userId: string; password: string; deviceToken?: string | undefined }, origin: Origin): Promise<SignInOutcome> {
  const { now, ip } = origin;
  const checked = await guardedPasswordCheck(
    db,
    { userId: input.userId, ip },
    now,
    async (tx) => {
      const [found] = await tx.select().from(users).where(eq(users.userId, input.userId)).limit(1);
      if (!(await passwordMatches(found?.passwordHash ?? (await decoyPasswordHash()), input.password)) || !found) return undefined;
      if (needsRehash(found.passwordHash)) {
        await tx.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.userId, found.userId));
      }
      const [factor] = await tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, found.userId)).limit(1);
      const secondStep = factor?.enabledAt != null && !(await deviceRemembered(tx, twoFactorDeps.keys, found.userId, input.deviceToken, now));
      return { user: found, secondStep, twoFactorOn: factor?.enabledAt != null };
    },
    (matched) => !matched.secondStep || !matched.user.emailVerifiedAt,
  );
  if (!checked) throw new ContractFailure('AUTH', 'The user ID or password is not right.');
  const { user } = checked;
  if (!user.emailVerifiedAt) {
    throw new ContractFailure('FORBIDDEN', `Verify your e-mail address before signing in: enter the code we sent to ${maskEmail(user.email)}, or ask for a new one.`);
  }
  if (checked.secondStep) return issueChallenge(db, user.userId, now);
  const limited = !checked.twoFactorOn && (await twoFactorRequired(db, user.userId, twoFactorDeps.policy));
  return { session: await openSession(db, user.userId, origin, limited, checked.twoFactorOn ? 'device' : 'password') };
}

/**
 * The second step: a challenge from the first and a current code or an unused recovery code. Wrong
 * ones count in the sign-in lockout exactly as wrong passwords do, under the same lock, so twenty
 * guesses at once are judged one after the other. With `rememberDevice`, a signed token spares this
 * computer the second step for 30 days.
 */
export async function completeSecondFactor(
  db: Db,
  twoFactorDeps: TwoFactorDeps,
  input: { challenge: string; factor: SecondFactor; rememberDevice: boolean },
  origin: Origin,
): Promise<{ userId: string; session: OpenedSession; rememberedDevice?: { deviceToken: string; expiresAt: Date } }> {
  const { now, ip } = origin;
  const expired = () => new ContractFailure('AUTH', 'This sign-in has expired or was already completed. Sign in again with your password.');
  const userId = await challengedUser(db, input.challenge, now);
  if (!userId) throw expired();
  const method = await guardedPasswordCheck(db, { userId, ip }, now, async (tx) => {
    const matched = await secondFactorMatches(tx, twoFactorDeps.keys, userId, input.factor, now);
    if (!matched) return undefined;
    return (await consumeChallenge(tx, input.challenge, now)) ? matched : undefined;
  });
  if (!method) {
    if (!(await challengedUser(db, input.challenge, now))) throw expired();
    const what = 'recoveryCode' in input.factor ? 'recovery code is not right or was already used' : 'code is not right or was already used';
    throw new ContractFailure('AUTH', `That ${what}.`, { ['recoveryCode' in input.factor ? 'recoveryCode' : 'code']: 'Not right' });
  }
  const session = await openSession(db, userId, origin, false, method);
  if (!input.rememberDevice) return { userId, session };
  return { userId, session, rememberedDevice: await rememberDevice(db, twoFactorDeps.keys, userId, now) };
}

async function openSession(db: Db, userId: string, origin: Origin, limited: boolean, method: 'password' | 'device' | 'code' | 'recovery_code'): Promise<OpenedSession> {
  return db.transaction(async (tx) => {
    const session = await createSession(tx, userId, origin.ip, origin.now, limited ? 'two_factor_enrollment' : null);
    await recordAudit(tx, { actorUserId: userId, sessionId: session.sessionId, action: 'session.create', target: `user:${userId}`, detail: { method, ...(limited ? { limitedTo: 'two_factor_enrollment' } : {}) }, ip: origin.ip, at: origin.now });
    return limited ? { ...session, limitedTo: 'two_factor_enrollment' as const } : session;
  });
}
