import { and, count, eq, gt, inArray, max, sql, type SQL } from 'drizzle-orm';
import { ACCESS_CODE_ATTEMPTS, ACCESS_CODE_WINDOW_MINUTES } from '@shared/plan-api/invitations';
import type { Db } from '../../store/db';
import { accessCodeAttempts, lockouts } from '../../store/schema';
import { recordAudit } from '../audit';
import { throttledUntil, type ThrottledFailure } from '../throttled-failure';

/** One address typing wrong codes for many user IDs is guessing; an office behind one NAT stays far below this. */
export const ACCESS_CODE_IP_ATTEMPTS = 50;
const WINDOW_MS = ACCESS_CODE_WINDOW_MINUTES * 60_000;

/** Code-entry locks share the lockouts table with sign-in, under subjects sign-in never reads. */
const userSubject = (userId: string) => `access-code:user:${userId}`;
const ipSubject = (ip: string) => `access-code:ip:${ip}`;

const locked = (until: Date, now: Date): ThrottledFailure => throttledUntil('Too many wrong access codes', until, now);

/** Throws while code entry is locked for this user or address. */
async function refuseWhileLocked(db: Db, userId: string, ip: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ until: max(lockouts.lockedUntil) })
    .from(lockouts)
    .where(and(inArray(lockouts.subject, [userSubject(userId), ipSubject(ip)]), gt(lockouts.lockedUntil, now)));
  if (row?.until) throw locked(row.until, now);
}

/**
 * Looks the typed code up with `lookup` under the user's code-entry lock, refused while code entry
 * is locked for the user or address. A miss is recorded in the same transaction, committed even
 * though the request fails, and the tries the user has left are returned; the miss that reaches the
 * limit (for the user, or for the address) locks code entry for the window and throws instead. A
 * per-user advisory lock makes concurrent codes wait for one another, so a burst is judged one code
 * after the other and none is looked up once the lock is set.
 */
export async function lookUpCode<T>(db: Db, attempt: { userId: string; ip: string }, now: Date, lookup: (tx: Db) => Promise<T | undefined>): Promise<{ found: T } | { triesLeft: number }> {
  // The row found, tries left, or the end of the lock this attempt set.
  const outcome = await db.transaction(async (tx): Promise<{ found: T } | number | Date> => {
    await lockCodeEntry(tx, attempt.userId);
    await refuseWhileLocked(tx, attempt.userId, attempt.ip, now);
    const found = await lookup(tx);
    if (found !== undefined) return { found };
    return countWrongCode(tx, attempt, now);
  });
  if (outcome instanceof Date) throw locked(outcome, now);
  return typeof outcome === 'number' ? { triesLeft: outcome } : outcome;
}

/** Records a wrong code, committed on its own even though the request fails, as lookUpCode does for a miss. */
export async function recordWrongCode(db: Db, attempt: { userId: string; ip: string }, now: Date): Promise<number> {
  const outcome = await db.transaction(async (tx) => {
    await lockCodeEntry(tx, attempt.userId);
    return countWrongCode(tx, attempt, now);
  });
  if (outcome instanceof Date) throw locked(outcome, now);
  return outcome;
}

/** Until commit, the user's other code entries wait. */
async function lockCodeEntry(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${userSubject(userId)}))`);
}

/** Inserts a wrong code and returns the tries left, or the end of the lock it set. Call under lockCodeEntry. */
async function countWrongCode(tx: Db, attempt: { userId: string; ip: string }, now: Date): Promise<number | Date> {
  await tx.insert(accessCodeAttempts).values({ ...attempt, succeeded: false, at: now });
  const since = new Date(now.getTime() - WINDOW_MS);
  const userFailures = await failuresSince(tx, eq(accessCodeAttempts.userId, attempt.userId), since);
  const ipFailures = await failuresSince(tx, eq(accessCodeAttempts.ip, attempt.ip), since);
  const subject = userFailures >= ACCESS_CODE_ATTEMPTS ? userSubject(attempt.userId) : ipFailures >= ACCESS_CODE_IP_ATTEMPTS ? ipSubject(attempt.ip) : null;
  if (!subject) return ACCESS_CODE_ATTEMPTS - userFailures;
  const until = new Date(now.getTime() + WINDOW_MS);
  await tx.insert(lockouts).values({ subject, lockedUntil: until }).onConflictDoUpdate({ target: lockouts.subject, set: { lockedUntil: until } });
  await recordAudit(tx, { actorUserId: attempt.userId, sessionId: null, action: 'invitation.code_lockout', target: subject, detail: { userFailures, ipFailures, until: until.toISOString() }, ip: attempt.ip, at: now });
  return until;
}

/** Records a code that opened an invitation: it starts the user's count afresh. Call in the redeeming transaction. */
export async function recordRightCode(tx: Db, attempt: { userId: string; ip: string }, now: Date): Promise<void> {
  await tx.insert(accessCodeAttempts).values({ ...attempt, succeeded: true, at: now });
}

/** Wrong codes after both the window's start and the subject's last right one. */
async function failuresSince(tx: Db, subject: SQL | undefined, since: Date): Promise<number> {
  const [last] = await tx
    .select({ at: max(accessCodeAttempts.at) })
    .from(accessCodeAttempts)
    .where(and(subject, eq(accessCodeAttempts.succeeded, true)));
  const from = last?.at && last.at > since ? last.at : since;
  const [row] = await tx
    .select({ n: count() })
    .from(accessCodeAttempts)
    .where(and(subject, eq(accessCodeAttempts.succeeded, false), gt(accessCodeAttempts.at, from)));
  return row?.n ?? 0;
}
