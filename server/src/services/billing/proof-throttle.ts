import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { billPayProofFailures } from '../../store/schema';
import { throttledUntil, type ThrottledFailure } from '../throttled-failure';

/**
 * At most five sign-ups with a wrong proof in any 15 minutes per user, as for wrong passwords
 * (services/accounts/lockout.ts): an amount billed is a guessable number, so without a limit a user
 * could try amounts until one matched someone's group.
 */
export const PROOF_FAILURE_LIMIT = 5;
export const PROOF_FAILURE_WINDOW_MS = 15 * 60_000;

/** When the user may try again, if their failures within the window have reached the limit. */
export async function proofLockedUntil(tx: Db, userId: string, now: Date): Promise<Date | null> {
  const recent = await tx
    .select({ at: billPayProofFailures.at })
    .from(billPayProofFailures)
    .where(and(eq(billPayProofFailures.userId, userId), gt(billPayProofFailures.at, new Date(now.getTime() - PROOF_FAILURE_WINDOW_MS))))
    .orderBy(desc(billPayProofFailures.at))
    .limit(PROOF_FAILURE_LIMIT);
  const oldest = recent[PROOF_FAILURE_LIMIT - 1];
  // The window slides: once the oldest of the last five leaves it, one more try is allowed.
  return oldest ? new Date(oldest.at.getTime() + PROOF_FAILURE_WINDOW_MS) : null;
}

export async function recordProofFailure(tx: Db, failure: { userId: string; groupNumber: string; ip: string | null }, now: Date): Promise<void> {
  await tx.insert(billPayProofFailures).values({ ...failure, at: now });
}

export function tooManyProofFailures(until: Date, now: Date): ThrottledFailure {
  return throttledUntil('Too many Bill Pay sign-ups with details that did not match', until, now);
}
