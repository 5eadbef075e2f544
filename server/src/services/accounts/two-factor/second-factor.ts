import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../store/db';
import { recoveryCodes, twoFactor } from '../../../store/schema';
import { matchingStep } from './totp';
import { recoveryCodeHash } from './recovery-codes';
import type { TwoFactorKeys } from './two-factor-keys';

export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Checks a second factor of a user whose two-step sign-in is on, inside the caller's transaction
 * (which holds the user's sign-in lock, lockout.ts, so concurrent checks for one user run one after
 * the other). A code is accepted once: its step must be later than the last accepted step, which
 * it then becomes, so a code seen over a shoulder or replayed is refused within its 90 seconds. A
 * recovery code is marked used in the same statement that finds it.
 */
export async function secondFactorMatches(tx: Db, keys: TwoFactorKeys, userId: string, factor: SecondFactor, now: Date): Promise<'code' | 'recovery_code' | undefined> {
  const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, userId)).limit(1);
  if (!row?.enabledAt) return undefined;
  if ('recoveryCode' in factor) {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryCodeHash(factor.recoveryCode)), isNull(recoveryCodes.usedAt)))
      .returning({ codeHash: recoveryCodes.codeHash });
    return used.length === 1 ? 'recovery_code' : undefined;
  }
  const step = matchingStep(keys.openSecret(row.secretSealed, userId), factor.code, now);
  if (step === null || (row.lastStep !== null && step <= row.lastStep)) return undefined;
  await tx.update(twoFactor).set({ lastStep: step }).where(eq(twoFactor.userId, userId));
  return 'code';
}
