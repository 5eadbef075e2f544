import { describe, expect, it } from 'vitest';
import { lockAfterFailure, SIGN_IN_POLICY, type FailureCounts } from './sign-in-policy';

const NOW = new Date('2026-11-27T15:00:00.000Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('the sign-in lock policy', () => {
  it.each<[string, FailureCounts, { scope: string; until: string } | null]>([
    ['a first failure', { pair: 1, user: 1, ip: 1 }, null],
    ['four failures from one address', { pair: 4, user: 4, ip: 4 }, null],
    ['the fifth from one address: a minute', { pair: 5, user: 5, ip: 5 }, { scope: 'pair', until: later(MINUTE) }],
    ['the sixth: two minutes', { pair: 6, user: 6, ip: 6 }, { scope: 'pair', until: later(2 * MINUTE) }],
    ['the eighth: eight minutes', { pair: 8, user: 8, ip: 8 }, { scope: 'pair', until: later(8 * MINUTE) }],
    ['the fifteenth: 1024 minutes', { pair: 15, user: 15, ip: 15 }, { scope: 'pair', until: later(1024 * MINUTE) }],
    ['the sixteenth and after: a day at most', { pair: 40, user: 40, ip: 40 }, { scope: 'pair', until: later(24 * 60 * MINUTE) }],
    ['many addresses, each under its free tries, below the ceiling', { pair: 4, user: 49, ip: 4 }, null],
    ['many addresses reaching the user ceiling: the user ID everywhere', { pair: 4, user: 50, ip: 4 }, { scope: 'user', until: later(15 * MINUTE) }],
    ['one address failing for many user IDs', { pair: 1, user: 1, ip: 50 }, { scope: 'ip', until: later(15 * MINUTE) }],
    ['the longest lock wins', { pair: 7, user: 50, ip: 50 }, { scope: 'user', until: later(15 * MINUTE) }],
    ['the longest lock wins, the pair’s when longer', { pair: 10, user: 50, ip: 1 }, { scope: 'pair', until: later(32 * MINUTE) }],
  ])('%s', (_name, counts, expected) => {
    const lock = lockAfterFailure(counts, NOW);
    expect(lock && { scope: lock.scope, until: lock.until.toISOString() }).toEqual(expected);
  });

  it('counts from the clock it is given', () => {
    const at = new Date('2030-01-01T00:00:00.000Z');
    expect(lockAfterFailure({ pair: SIGN_IN_POLICY.pairFreeFailures, user: 0, ip: 0 }, at)?.until.toISOString()).toBe('2030-01-01T00:01:00.000Z');
  });
});
