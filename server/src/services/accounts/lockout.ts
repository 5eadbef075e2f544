import { and, count, eq, gt, inArray, max } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { lockouts, loginAttempts } from '../../store/schema';
import { recordAudit } from '../audit';

/** Five wrong passwords within 15 minutes lock the user ID for 15 minutes (OWASP authentication cheat sheet). */
export const USER_FAILURE_LIMIT = 5;
/** One address failing for many user IDs is password spraying; an office behind one NAT stays far below this. */
export const IP_FAILURE_LIMIT = 50;
export const LOCKOUT_MS = 15 * 60_000;
const WINDOW_MS = 15 * 60_000;

export interface Lock {
  subject: 'user' | 'ip';
  until: Date;
}

/** The lock in force on this user ID or address, if any. */
export async function activeLock(db: Db, userId: string, ip: string, now: Date): Promise<Lock | null> {
  const rows = await db
    .select()
    .from(lockouts)
    .where(and(inArray(lockouts.subject, [`user:${userId}`, `ip:${ip}`]), gt(lockouts.lockedUntil, now)));
  const row = rows.sort((a, b) => b.lockedUntil.getTime() - a.lockedUntil.getTime())[0];
  return row ? { subject: row.subject.startsWith('user:') ? 'user' : 'ip', until: row.lockedUntil } : null;
}

/**
 * Records a sign-in attempt; after a failure, locks the user ID or the address when its recent
 * failures (since its last success) reach the limit. Returns the lock it set, if any.
 */
export async function recordAttempt(db: Db, attempt: { userId: string; ip: string; succeeded: boolean }, now: Date): Promise<Lock | null> {
  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ ...attempt, at: now });
    if (attempt.succeeded) return null;
    const since = new Date(now.getTime() - WINDOW_MS);
    const userFailures = await failuresSince(tx, eq(loginAttempts.userId, attempt.userId), since);
    const ipFailures = await failuresSince(tx, eq(loginAttempts.ip, attempt.ip), since);
    const subject = userFailures >= USER_FAILURE_LIMIT ? `user:${attempt.userId}` : ipFailures >= IP_FAILURE_LIMIT ? `ip:${attempt.ip}` : null;
    if (!subject) return null;
    const until = new Date(now.getTime() + LOCKOUT_MS);
    await tx.insert(lockouts).values({ subject, lockedUntil: until }).onConflictDoUpdate({ target: lockouts.subject, set: { lockedUntil: until } });
    await recordAudit(tx, { actorUserId: attempt.userId, sessionId: null, action: 'account.lockout', target: subject, detail: { userFailures, ipFailures, until: until.toISOString() }, ip: attempt.ip, at: now });
    return { subject: subject.startsWith('user:') ? 'user' : 'ip', until } satisfies Lock;
  });
}

/** Failures after both the window start and the subject's last success: a success resets the count. */
async function failuresSince(tx: Db, subject: ReturnType<typeof eq>, since: Date): Promise<number> {
  const [last] = await tx
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(subject, eq(loginAttempts.succeeded, true)));
  const from = last?.at && last.at > since ? last.at : since;
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(subject, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)));
  return row?.n ?? 0;
}
