import { describe, expect, it } from 'vitest';
import type { Relationship } from '@shared/contract/schemas/member';
import { retierFamily, tierChangeReason, type FamilyPeriod } from './retier';

const rel = new Map<string, Relationship>([
  ['S', 'subscriber'],
  ['P', 'spouse'],
  ['C', 'child'],
]);
const period = (id: number, memberId: string, tier: FamilyPeriod['tier'], startDate: string, endDate: string | null): FamilyPeriod => ({
  id,
  memberId,
  planCode: 'PPO',
  tier,
  startDate,
  endDate,
  reason: 'Initial enrollment',
});
const piece = (memberId: string, tier: string, startDate: string, endDate: string | null) => ({ memberId, planCode: 'PPO', tier, startDate, endDate, reason: tierChangeReason });

describe('retierFamily', () => {
  it('splits an open period where a child joins: end-dated the day before, the rest inserted', () => {
    const plan = retierFamily([period(1, 'S', 'EMP', '2026-01-01', null), period(2, 'C', 'ECH', '2026-06-10', null)], rel, '2026-06-10');
    expect(plan.endings).toEqual([{ id: 1, endDate: '2026-06-09', endReason: tierChangeReason }]);
    expect(plan.inserts).toEqual([piece('S', 'ECH', '2026-06-10', null)]);
  });

  it('changes nothing when the tier stays', () => {
    const plan = retierFamily([period(1, 'S', 'ECH', '2026-01-01', null), period(2, 'C', 'ECH', '2026-01-01', null)], rel, '2026-03-01');
    expect(plan).toEqual({ endings: [], inserts: [] });
  });

  it('re-tiers a period through a later end of someone else (a spouse leaving later)', () => {
    const plan = retierFamily(
      [period(1, 'S', 'ESP', '2026-01-01', '2026-12-31'), period(4, 'S', 'EMP', '2027-01-01', null), period(2, 'P', 'ESP', '2026-01-01', '2026-12-31'), period(3, 'C', 'FAM', '2026-11-05', null)],
      rel,
      '2026-11-05',
    );
    expect(plan.endings).toEqual([
      { id: 1, endDate: '2026-11-04', endReason: tierChangeReason },
      { id: 4, endDate: '2026-12-31', endReason: tierChangeReason },
      { id: 2, endDate: '2026-11-04', endReason: tierChangeReason },
      { id: 3, endDate: '2026-12-31', endReason: tierChangeReason },
    ]);
    expect(plan.inserts).toEqual([
      piece('S', 'FAM', '2026-11-05', '2026-12-31'),
      piece('S', 'ECH', '2027-01-01', null),
      piece('P', 'FAM', '2026-11-05', '2026-12-31'),
      piece('C', 'ECH', '2027-01-01', null),
    ]);
  });

  it('supersedes a period on its first day when its tier is wrong from the start', () => {
    const plan = retierFamily([period(1, 'S', 'EMP', '2026-06-01', null), period(2, 'P', 'ESP', '2026-06-01', null)], rel, '2026-06-01');
    expect(plan.endings).toEqual([{ id: 1, endDate: '2026-05-31', endReason: tierChangeReason }]);
    expect(plan.inserts).toEqual([piece('S', 'ESP', '2026-06-01', null)]);
  });

  it('leaves alone periods that ended before the change and periods never in force', () => {
    const plan = retierFamily([period(1, 'S', 'EMP', '2025-01-01', '2025-12-31'), period(2, 'S', 'FAM', '2026-01-01', '2025-12-31'), period(3, 'S', 'EMP', '2026-01-01', null)], rel, '2026-02-01');
    expect(plan).toEqual({ endings: [], inserts: [] });
  });
});
