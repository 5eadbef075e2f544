import { and, count, eq, isNull } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { TwoFactorPolicy, TwoFactorStatus } from '@shared/plan-api/two-factor';
import type { Db } from '../../../store/db';
import { recoveryCodes, sessions, twoFactor, users } from '../../../store/schema';
import { recordAudit } from '../../audit';
import { guardedPasswordCheck } from '../lockout';
import { passwordMatches } from '../password-hash';
import type { SessionIdentity } from '../sessions';
import { forgetDevices } from './device-tokens';
import { sessionLimited, twoFactorRequired } from './policy';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { secondFactorMatches } from './second-factor';
import { matchingStep, newTotpSecret, otpauthUri } from './totp';
import type { TwoFactorKeys } from './two-factor-keys';

export interface TwoFactorDeps {
  keys: TwoFactorKeys;
  policy: TwoFactorPolicy;
  /** The name an authenticator app lists the account under. */
  issuer: string;
}

interface Origin {
  ip: string;
  now: Date;
}

const notRight = (field: 'code' | 'password') =>
  new ContractFailure('VALIDATION', field === 'code' ? 'That code is not right, or was already used. Enter the code your authenticator app shows now.' : 'The password or the code is not right.', { [field]: 'Not right' });

export async function twoFactorStatus(db: Db, identity: SessionIdentity, policy: TwoFactorPolicy): Promise<TwoFactorStatus> {
  const [row] = await db.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, identity.userId)).limit(1);
  const enabled = row?.enabledAt != null;
  const [left] = enabled
    ? await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, identity.userId), isNull(recoveryCodes.usedAt)))
    : [{ n: 0 }];
  return { enabled, required: await twoFactorRequired(db, identity.userId, policy), policy, recoveryCodesLeft: left?.n ?? 0, sessionLimited: sessionLimited(identity, policy) };
}

/**
 * A new secret for the user, not yet in force: it replaces one that was never confirmed (a QR code
 * scanned on another phone, an abandoned attempt), never one that is on.
 */
export async function startEnrollment(db: Db, deps: TwoFactorDeps, identity: SessionIdentity, origin: Origin): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  const secretSealed = deps.keys.sealSecret(secret, identity.userId);
  const written = await db
    .insert(twoFactor)
    .values({ userId: identity.userId, secretSealed, createdAt: origin.now })
    .onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, createdAt: origin.now, lastStep: null }, setWhere: isNull(twoFactor.enabledAt) })
    .returning({ userId: twoFactor.userId });
  if (written.length === 0) throw new ContractFailure('CONFLICT', 'Two-step sign-in is already on. Turn it off first to move it to another authenticator app.');
  return { secret, otpauthUri: otpauthUri(secret, identity.userId, deps.issuer) };
}

/**
 * Turns two-step sign-in on once a first code shows the authenticator holds the secret, and issues
 * the ten recovery codes (shown once). A session limited to enrollment becomes a full one.
 */
export async function confirmEnrollment(db: Db, deps: TwoFactorDeps, identity: SessionIdentity, code: string, origin: Origin): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, identity.userId)).for('update').limit(1);
    if (!row) throw new ContractFailure('RULE', 'Start setting up two-step sign-in first: there is no secret waiting for a code.');
    if (row.enabledAt) throw new ContractFailure('CONFLICT', 'Two-step sign-in is already on.');
    const step = matchingStep(deps.keys.openSecret(row.secretSealed, identity.userId), code, origin.now);
    if (step === null) throw notRight('code');
    await tx.update(twoFactor).set({ enabledAt: origin.now, lastStep: step }).where(eq(twoFactor.userId, identity.userId));
    const codes = await replaceRecoveryCodes(tx, identity.userId);
    await tx.update(sessions).set({ limitedTo: null }).where(eq(sessions.sessionId, identity.sessionId));
    await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'account.two_factor_on', target: `user:${identity.userId}`, ip: origin.ip, at: origin.now });
    return codes;
  });
}

/**
 * Turns two-step sign-in off, with the password and a current code: a session left open on a shared
 * computer is not enough. Wrong answers count as failed sign-ins. Remembered computers are forgotten.
 * Refused while the policy requires it of the user.
 */
export async function disableTwoFactor(db: Db, deps: TwoFactorDeps, identity: SessionIdentity, input: { password: string; code: string }, origin: Origin): Promise<void> {
  if (await twoFactorRequired(db, identity.userId, deps.policy)) {
    throw new ContractFailure('RULE', 'Two-step sign-in stays on: the plan requires it of primary administrators and billing users.');
  }
  await requireEnabled(db, identity.userId);
  const matched = await guardedPasswordCheck(db, { userId: identity.userId, ip: origin.ip }, origin.now, async (tx) => {
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.userId, identity.userId)).limit(1);
    if (!user || !(await passwordMatches(user.passwordHash, input.password))) return undefined;
    return secondFactorMatches(tx, deps.keys, identity.userId, { code: input.code }, origin.now);
  });
  if (!matched) throw notRight('password');
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, identity.userId));
    await tx.delete(twoFactor).where(eq(twoFactor.userId, identity.userId));
    const forgotten = await forgetDevices(tx, identity.userId, origin.now);
    await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'account.two_factor_off', target: `user:${identity.userId}`, detail: { forgottenDevices: forgotten }, ip: origin.ip, at: origin.now });
  });
}

/** Ten new recovery codes for a current code; the old ones stop working. Wrong codes count as failed sign-ins. */
export async function regenerateRecoveryCodes(db: Db, deps: TwoFactorDeps, identity: SessionIdentity, code: string, origin: Origin): Promise<string[]> {
  await requireEnabled(db, identity.userId);
  const matched = await guardedPasswordCheck(db, { userId: identity.userId, ip: origin.ip }, origin.now, (tx) => secondFactorMatches(tx, deps.keys, identity.userId, { code }, origin.now));
  if (!matched) throw notRight('code');
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, identity.userId);
    await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'account.recovery_codes_regenerated', target: `user:${identity.userId}`, ip: origin.ip, at: origin.now });
    return codes;
  });
}

async function requireEnabled(db: Db, userId: string): Promise<void> {
  const [row] = await db.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)).limit(1);
  if (!row?.enabledAt) throw new ContractFailure('RULE', 'Two-step sign-in is off for this user ID.');
}

async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })));
  return codes;
}
