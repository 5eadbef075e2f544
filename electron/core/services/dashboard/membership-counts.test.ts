import { describe, expect, it } from 'vitest';
import { fixtureStore, fixtureToday } from '../../test-support/member-fixtures';
import { membershipCounts } from './membership-counts';

describe('dashboard.counts', () => {
  it('counts the visible roster as of today by status, and the covered members by plan and by tier', () => {
    const store = fixtureStore();
    expect(membershipCounts(store.db, '4321', fixtureToday, '2026-11-27T08:00:00.000Z')).toEqual({
      groupNumber: '4321',
      asOf: '2026-11-27T08:00:00.000Z',
      active: { subscribers: 2, dependents: 2, total: 4 },
      pending: { subscribers: 1, dependents: 0, total: 1 },
      // Old Gone ended more than two years ago and is not counted.
      terminated: { subscribers: 1, dependents: 1, total: 2 },
      byPlan: [
        { planCode: 'PPO-A', planName: 'Alpha PPO', subscribers: 1, dependents: 2, total: 3 },
        { planCode: 'HMO-Z', planName: 'Zeta HMO', subscribers: 1, dependents: 0, total: 1 },
      ],
      byTier: [
        { tier: 'EMP', subscribers: 0, members: 0 },
        { tier: 'ESP', subscribers: 0, members: 0 },
        { tier: 'ECH', subscribers: 1, members: 1 },
        { tier: 'FAM', subscribers: 1, members: 3 },
      ],
    });
  });

  it('moves members between statuses as the days pass', () => {
    const store = fixtureStore();
    const later = membershipCounts(store.db, '4321', '2026-12-01', 'x');
    expect(later.active.subscribers).toBe(3);
    expect(later.pending.total).toBe(0);
  });
});
