import { describe, expect, it } from 'vitest';
import type { CoverageRecord } from '@shared/sandbox/types';
import { fixtureMembers, fixtureStore, member } from '../../../test-support/member-fixtures';
import { coverageCounts, coverageTrend } from './coverage-counts';
import { checkRange, diffBatches, diffCounts, diffPage } from './roster-diff';

const span = (planCode: string, tier: CoverageRecord['tier'], startDate: string, endDate: string | null = null): CoverageRecord => ({ planCode, tier, startDate, endDate, reason: 'Initial enrollment' });

/**
 * The fixture group (member-fixtures.ts) plus two families whose coverage changed on 2026-11-01:
 * - Kim (S): Employee only until 2026-10-31, then Employee + spouse when spouse Lee joined.
 * - Patel (S): Alpha PPO until 2026-10-31, then Zeta HMO, same tier.
 * Among the fixture's own: Miller terminated 2026-10-31 (last month), Muñoz enrolls from 2026-12-01.
 */
function historyStore() {
  return fixtureStore([
    ...fixtureMembers(),
    member({ memberId: '432000006', firstName: 'Dana', lastName: 'Kim', coverage: [span('PPO-A', 'EMP', '2025-01-01', '2026-10-31'), span('PPO-A', 'ESP', '2026-11-01')] }),
    member({ memberId: '432000006-01', firstName: 'Lee', lastName: 'Kim', relationship: 'spouse', coverage: [span('PPO-A', 'ESP', '2026-11-01')] }),
    member({ memberId: '432000007', firstName: 'Ravi', lastName: 'Patel', coverage: [span('PPO-A', 'EMP', '2025-01-01', '2026-10-31'), span('HMO-Z', 'EMP', '2026-11-01')] }),
  ]);
}

describe('roster.counts', () => {
  it.each([
    // Zimmer ×3 (FAM), Abbott (ECH), Kim (EMP), Patel (EMP), Miller (EMP, ends 10-31), Zoe Abbott ended 06-30.
    ['2026-10-15', { subscribers: 5, dependents: 2, tiers: { EMP: 3, ESP: 0, ECH: 1, FAM: 1 }, plans: { 'PPO-A': 5, 'HMO-Z': 2 } }],
    // Miller gone, Kim now ESP with Lee, Patel on HMO-Z.
    ['2026-11-27', { subscribers: 4, dependents: 3, tiers: { EMP: 1, ESP: 1, ECH: 1, FAM: 1 }, plans: { 'PPO-A': 5, 'HMO-Z': 2 } }],
    // Muñoz's future-dated enrollment starts.
    ['2026-12-01', { subscribers: 5, dependents: 3, tiers: { EMP: 2, ESP: 1, ECH: 1, FAM: 1 }, plans: { 'PPO-A': 5, 'HMO-Z': 3 } }],
  ])('on %s', (asOf, expected) => {
    const counts = coverageCounts(historyStore().db, '4321', asOf);
    expect(counts.asOf).toBe(asOf);
    expect({ subscribers: counts.subscribers, dependents: counts.dependents }).toEqual({ subscribers: expected.subscribers, dependents: expected.dependents });
    expect(Object.fromEntries(counts.byTier.map((t) => [t.tier, t.subscribers]))).toEqual(expected.tiers);
    expect(Object.fromEntries(counts.byPlan.map((p) => [p.planCode, p.members]))).toEqual(expected.plans);
    expect(counts.byPlan.map((p) => p.planName)).toEqual(['Alpha PPO', 'Zeta HMO']);
  });

  it('counts nobody before the group had members', () => {
    expect(coverageCounts(historyStore().db, '4321', '2010-01-01')).toMatchObject({ subscribers: 0, dependents: 0 });
  });
});

describe('roster.trend', () => {
  it('counts the first of each month up to the month of `through`, oldest first', () => {
    const trend = coverageTrend(historyStore().db, '4321', '2026-12-15', 3);
    expect(trend).toEqual([
      { month: '2026-10', asOf: '2026-10-01', subscribers: 5, dependents: 2 },
      { month: '2026-11', asOf: '2026-11-01', subscribers: 4, dependents: 3 },
      { month: '2026-12', asOf: '2026-12-01', subscribers: 5, dependents: 3 },
    ]);
  });

  it('agrees with roster.counts on every month, across a year boundary', () => {
    const db = historyStore().db;
    for (const point of coverageTrend(db, '4321', '2027-02-01', 12)) {
      const counts = coverageCounts(db, '4321', point.asOf);
      expect([point.subscribers, point.dependents]).toEqual([counts.subscribers, counts.dependents]);
    }
  });
});

describe('roster.diff', () => {
  const range = { groupNumber: '4321', from: '2026-10-15', to: '2026-11-27' };

  it('lists who was added, terminated and changed, with what changed in words', () => {
    const db = historyStore().db;
    expect(diffCounts(db, range)).toEqual({ added: 1, terminated: 1, changed: 2 });
    expect(diffPage(db, range, { change: undefined, offset: 0, limit: 100 })).toEqual([
      { memberId: '432000006', subscriberId: '432000006', relationship: 'subscriber', name: 'Kim, Dana', change: 'changed', details: ['Tier: Employee only → Employee + spouse/partner', 'New coverage from 2026-11-01'] },
      { memberId: '432000006-01', subscriberId: '432000006', relationship: 'spouse', name: 'Kim, Lee', change: 'added', details: ['Coverage began 2026-11-01', 'Plan: Alpha PPO', 'Tier: Employee + spouse/partner'] },
      { memberId: '432000005', subscriberId: '432000005', relationship: 'subscriber', name: 'Miller, Mark', change: 'terminated', details: ['Coverage ended 2026-10-31', 'Plan: Zeta HMO'] },
      { memberId: '432000007', subscriberId: '432000007', relationship: 'subscriber', name: 'Patel, Ravi', change: 'changed', details: ['Plan: Alpha PPO → Zeta HMO', 'New coverage from 2026-11-01'] },
    ]);
  });

  it('counts a future-dated enrollment once its first day is inside the range', () => {
    const db = historyStore().db;
    expect(diffCounts(db, { ...range, to: '2026-11-30' }).added).toBe(1);
    const later = diffPage(db, { ...range, to: '2026-12-01' }, { change: 'added', offset: 0, limit: 100 });
    expect(later.map((r) => [r.name, r.details[0]])).toEqual([
      ['Kim, Lee', 'Coverage began 2026-11-01'],
      ['Muñoz, José', 'Coverage began 2026-12-01'],
    ]);
  });

  it('filters by kind and pages without overlap', () => {
    const db = historyStore().db;
    expect(diffPage(db, range, { change: 'changed', offset: 0, limit: 100 }).map((r) => r.name)).toEqual(['Kim, Dana', 'Patel, Ravi']);
    const first = diffPage(db, range, { change: undefined, offset: 0, limit: 3 });
    const second = diffPage(db, range, { change: undefined, offset: 3, limit: 3 });
    expect([...first, ...second].map((r) => r.memberId)).toEqual(['432000006', '432000006-01', '432000005', '432000007']);
  });

  it('reads every difference in batches, in the same order as the pages', () => {
    const db = historyStore().db;
    const batches = [...diffBatches(db, range, 3)];
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.flat()).toEqual(diffPage(db, range, { change: undefined, offset: 0, limit: 100 }));
  });

  it('finds nothing between a date and itself', () => {
    expect(diffCounts(historyStore().db, { ...range, from: range.to })).toEqual({ added: 0, terminated: 0, changed: 0 });
  });

  it('refuses a range that runs backwards', () => {
    expect(() => checkRange({ ...range, from: '2026-12-01' })).toThrow(expect.objectContaining({ code: 'VALIDATION', message: 'The start date (2026-12-01) must be on or before the end date (2026-11-27).' }));
  });
});
