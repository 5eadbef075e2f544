import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { billPayProofFailures } from '../../store/schema';
import { recordAudit } from '../audit';
import { throttledUntil, type ThrottledFailure } from '../throttled-failure';

/**
 * At most five sign-ups with a wrong proof in any 15 minutes per user, as for wrong passwords
 * (services/accounts/lockout.ts): an amount billed is a guessable number, so without a limit a user
 * could try amounts until one matched someone's group.
 */
export const PROOF_FAILURE_LIMIT = 5;
export const PROOF_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * At most ten wrong proofs in any hour per group number as typed, whoever sends them: many user IDs
 * guessing at one group would each stay under the user limit. A number that is no group's is counted
 * the same way, so the lock says nothing about which groups exist.
 */
export const GROUP_PROOF_FAILURE_LIMIT = 10;
export const GROUP_PROOF_FAILURE_WINDOW_MS = 60 * 60_000;

export interface ProofAttempt {
  userId: string;
  sessionId: string;
  groupNumber: string;
  ip: string | null;
}

/**
 * Until commit, other sign-ups for the same group number wait (the per-user lock of
 * invitations/code-lockout.ts, keyed by group): a burst of proofs is judged one after the other, so
 * the count read below is the count the next proof meets. The caller already holds the user's row.
 */
export async function lockGroupProofs(tx: Db, groupNumber: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`bill-pay-proof:group:${groupNumber}`}))`);
}

/** Throws while sign-up is locked for the user or for the group number. Call under lockGroupProofs. */
export async function refuseWhileLocked(tx: Db, attempt: ProofAttempt, now: Date): Promise<void> {
  const locked = await lockedUntil(tx, attempt, now);
  if (locked) throw locked.failure;
}

/**
 * Records a wrong proof (in the caller's transaction, which commits even though the request fails)
 * and returns the refusal to give: the throttle's once this proof reached a limit, else null.
 */
export async function recordProofFailure(tx: Db, attempt: ProofAttempt, now: Date): Promise<ThrottledFailure | null> {
  await tx.insert(billPayProofFailures).values({ userId: attempt.userId, groupNumber: attempt.groupNumber, ip: attempt.ip, at: now });
  const locked = await lockedUntil(tx, attempt, now);
  if (!locked) return null;
  await recordAudit(tx, { actorUserId: attempt.userId, sessionId: attempt.sessionId, action: 'bill_pay.throttle', target: locked.target, detail: { until: locked.until.toISOString() }, ip: attempt.ip, at: now });
  return locked.failure;
}

async function lockedUntil(tx: Db, attempt: ProofAttempt, now: Date): Promise<{ until: Date; target: string; failure: ThrottledFailure } | null> {
  const user = await windowEnd(tx, eq(billPayProofFailures.userId, attempt.userId), PROOF_FAILURE_LIMIT, PROOF_FAILURE_WINDOW_MS, now);
  if (user) return { until: user, target: `user:${attempt.userId}`, failure: throttledUntil('Too many Bill Pay sign-ups with details that did not match', user, now) };
  const group = await windowEnd(tx, eq(billPayProofFailures.groupNumber, attempt.groupNumber), GROUP_PROOF_FAILURE_LIMIT, GROUP_PROOF_FAILURE_WINDOW_MS, now);
  if (group) return { until: group, target: `group:${attempt.groupNumber}`, failure: throttledUntil(`Too many Bill Pay sign-ups for group ${attempt.groupNumber} with details that did not match`, group, now) };
  return null;
}

/** When the subject may try again, if its failures within the window have reached the limit. */
async function windowEnd(tx: Db, subject: SQL, limit: number, windowMs: number, now: Date): Promise<Date | null> {
  const recent = await tx
    .select({ at: billPayProofFailures.at })
    .from(billPayProofFailures)
    .where(and(subject, gt(billPayProofFailures.at, new Date(now.getTime() - windowMs))))
    .orderBy(desc(billPayProofFailures.at))
    .limit(limit);
  const oldest = recent[limit - 1];
  // The window slides: once the oldest of the last `limit` leaves it, one more try is allowed.
  return oldest ? new Date(oldest.at.getTime() + windowMs) : null;
}
