const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * When wrong passwords lock sign-in. Failures are counted per (user ID, address) pair, so whoever
 * guesses at a user ID from one address slows only themselves: the user signing in from elsewhere is
 * not locked out by them. Each pair gets a few free tries, then waits twice as long after each
 * further failure. Across all addresses a user ID has a much higher ceiling (a guesser with many
 * addresses), and one address failing for many user IDs (password spraying) is locked whatever the
 * user IDs.
 */
export const SIGN_IN_POLICY = {
  /** Wrong passwords a pair may make before it waits; the one that reaches this starts the first wait. */
  pairFreeFailures: 5,
  /** The first wait; each further failure doubles it, up to pairMaxLockMs. */
  pairFirstLockMs: MINUTE_MS,
  pairMaxLockMs: 24 * HOUR_MS,
  /** A pair's failures are counted since its last success, within this window. */
  pairWindowMs: 24 * HOUR_MS,
  /** Failures from every address within userWindowMs that lock the user ID everywhere: ten addresses' worth of free tries. */
  userCeiling: 50,
  userWindowMs: HOUR_MS,
  userLockMs: 15 * MINUTE_MS,
  /** Failures from one address, for any user IDs, since its last success within ipWindowMs: an office behind one NAT stays far below this. */
  ipCeiling: 50,
  ipWindowMs: 15 * MINUTE_MS,
  ipLockMs: 15 * MINUTE_MS,
} as const;

/** The pair's, the user ID's and the address's failures, this one included. */
export interface FailureCounts {
  pair: number;
  user: number;
  ip: number;
}

/** Whom a lock holds: the user ID from this address, the user ID from anywhere, or this address for any user ID. */
export type LockScope = 'pair' | 'user' | 'ip';

export interface LockDecision {
  scope: LockScope;
  until: Date;
}

/** The lock a failure sets, given the counts that include it, or null; the longest when several apply. */
export function lockAfterFailure(counts: FailureCounts, now: Date): LockDecision | null {
  const policy = SIGN_IN_POLICY;
  const candidates: { scope: LockScope; ms: number }[] = [];
  if (counts.pair >= policy.pairFreeFailures) {
    const doublings = counts.pair - policy.pairFreeFailures;
    // Past 30 doublings the wait is far beyond the cap; stopping there keeps the number finite.
    candidates.push({ scope: 'pair', ms: Math.min(policy.pairMaxLockMs, policy.pairFirstLockMs * 2 ** Math.min(doublings, 30)) });
  }
  if (counts.user >= policy.userCeiling) candidates.push({ scope: 'user', ms: policy.userLockMs });
  if (counts.ip >= policy.ipCeiling) candidates.push({ scope: 'ip', ms: policy.ipLockMs });
  const longest = candidates.sort((a, b) => b.ms - a.ms)[0];
  return longest ? { scope: longest.scope, until: new Date(now.getTime() + longest.ms) } : null;
}
