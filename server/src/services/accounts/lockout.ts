import { and, count, eq, gt, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { lockouts, loginAttempts } from '../../store/schema';
import { recordAudit } from '../audit';
import { secondsUntil, ThrottledFailure, messageInstant } from '../throttled-failure';
import { lockAfterFailure, SIGN_IN_POLICY, type FailureCounts, type LockDecision as Lock, type LockScope } from './sign-in-policy';

/** Sign-in locks share the lockouts table with code entry, under subjects code entry never reads. */
const subjects: Record<LockScope, (userId: string, ip: string) => string> = {
  pair: (userId, ip) => `user:${userId}:ip:${ip}`,
  user: (userId) => `user:${userId}`,
  ip: (_userId, ip) => `ip:${ip}`,
};
const scopeOf = (subject: string): LockScope => (subject.startsWith('ip:') ? 'ip' : subject.includes(':ip:') ? 'pair' : 'user');

/** What the user is told while a lock holds: how long, and whether it is their network rather than the user ID. */
function lockedOut(lock: Lock, now: Date): ThrottledFailure {
  const seconds = secondsUntil(lock.until, now);
  const minutes = Math.ceil(seconds / 60);
  const who = lock.scope === 'ip' ? 'sign-ins from your network are' : 'this user ID is';
  return new ThrottledFailure(`Too many failed sign-ins: ${who} locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${messageInstant(lock.until)}). Try again then.`, seconds);
}

/**
 * Checks a password (or a second factor) for a user ID, from an address, under that user ID's
 * sign-in lock: refused while a lock holds for the pair, the user ID or the address; otherwise
 * `check` compares the credential (returning what the caller needs when it matches, undefined when
 * not), and the attempt is recorded in the same transaction, committed even when the request then
 * fails. The failure that reaches a limit sets the lock and throws it. Concurrent attempts for one
 * user ID wait for one another, so a burst is judged one attempt after the other on committed
 * counts: none is checked once the lock is set.
 *
 * A right password that still needs a second factor is not a success (`settles` answers false):
 * recording one would clear the pair's failures, and a guesser holding the password could then
 * try codes without end, a few between each sign-in. Nothing is recorded for it; the second
 * factor's outcome is.
 */
export async function guardedPasswordCheck<T>(
  db: Db,
  attempt: { userId: string; ip: string },
  now: Date,
  check: (tx: Db) => Promise<T | undefined>,
  settles: (matched: T) => boolean = () => true,
): Promise<T | undefined> {
  const outcome = await db.transaction(async (tx): Promise<{ matched: T } | { missed: Lock | null } | { held: Lock }> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`password:${attempt.userId}`}))`);
    const held = await activeLock(tx, attempt, now);
    if (held) return { held };
    const matched = await check(tx);
    if (matched !== undefined && !settles(matched)) return { matched };
    await tx.insert(loginAttempts).values({ ...attempt, succeeded: matched !== undefined, at: now });
    if (matched !== undefined) return { matched };
    return { missed: await lockIfDue(tx, attempt, now) };
  });
  if ('held' in outcome) throw lockedOut(outcome.held, now);
  if ('matched' in outcome) return outcome.matched;
  if (outcome.missed) throw lockedOut(outcome.missed, now);
  return undefined;
}

/** The longest lock in force on this pair, user ID or address, if any. */
async function activeLock(tx: Db, attempt: { userId: string; ip: string }, now: Date): Promise<Lock | null> {
  const mine = (Object.keys(subjects) as LockScope[]).map((scope) => subjects[scope](attempt.userId, attempt.ip));
  const rows = await tx
    .select()
    .from(lockouts)
    .where(and(inArray(lockouts.subject, mine), gt(lockouts.lockedUntil, now)));
  const row = rows.sort((a, b) => b.lockedUntil.getTime() - a.lockedUntil.getTime())[0];
  return row ? { scope: scopeOf(row.subject), until: row.lockedUntil } : null;
}

/** After a failure (already inserted): counts it in SQL, and sets and audits the lock the policy asks for. */
async function lockIfDue(tx: Db, attempt: { userId: string; ip: string }, now: Date): Promise<Lock | null> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const user = eq(loginAttempts.userId, attempt.userId);
  const counts: FailureCounts = {
    pair: await failuresSince(tx, and(user, eq(loginAttempts.ip, attempt.ip)), ago(SIGN_IN_POLICY.pairWindowMs), true),
    // A success does not clear the ceiling: a guesser with many addresses is still guessing.
    user: await failuresSince(tx, user, ago(SIGN_IN_POLICY.userWindowMs), false),
    ip: await failuresSince(tx, eq(loginAttempts.ip, attempt.ip), ago(SIGN_IN_POLICY.ipWindowMs), true),
  };
  const lock = lockAfterFailure(counts, now);
  if (!lock) return null;
  const subject = subjects[lock.scope](attempt.userId, attempt.ip);
  await tx.insert(lockouts).values({ subject, lockedUntil: lock.until }).onConflictDoUpdate({ target: lockouts.subject, set: { lockedUntil: lock.until } });
  await recordAudit(tx, {
    actorUserId: attempt.userId,
    sessionId: null,
    action: 'account.lockout',
    target: `user:${attempt.userId}`,
    detail: { scope: lock.scope, pairFailures: counts.pair, userFailures: counts.user, ipFailures: counts.ip, until: lock.until.toISOString() },
    ip: attempt.ip,
    at: now,
  });
  return lock;
}

/** Failures after the window's start (and, when `sinceSuccess`, after the subject's last success). */
async function failuresSince(tx: Db, subject: SQL | undefined, windowStart: Date, sinceSuccess: boolean): Promise<number> {
  let from = windowStart;
  if (sinceSuccess) {
    const [last] = await tx
      .select({ at: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(subject, eq(loginAttempts.succeeded, true)));
    if (last?.at && last.at > from) from = last.at;
  }
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(subject, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)));
  return row?.n ?? 0;
}
