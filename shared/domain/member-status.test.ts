import { describe, expect, it } from 'vitest';
import type { MemberStatus } from '../contract/schemas/member';
import { coverageSpan, isVisible, memberStatusOn, visibleSince } from './member-status';

describe('memberStatusOn', () => {
  it.each<[string, string | null, string, MemberStatus]>([
    ['2026-12-01', null, '2026-11-27', 'pending'],
    ['2026-11-27', null, '2026-11-27', 'active'],
    ['2020-01-01', null, '2026-11-27', 'active'],
    ['2020-01-01', '2026-11-30', '2026-11-27', 'active'],
    ['2020-01-01', '2026-11-27', '2026-11-27', 'active'],
    ['2020-01-01', '2026-11-26', '2026-11-27', 'terminated'],
    ['2020-01-01', '2025-12-31', '2026-01-01', 'terminated'],
    ['2027-01-01', '2027-01-01', '2026-11-27', 'pending'],
  ])('effective %s, terminated %s, on %s → %s', (effective, termination, today, status) => {
    expect(memberStatusOn(effective, termination, today)).toBe(status);
  });
});

describe('isVisible: terminated members stay visible for two years', () => {
  it.each<[string | null, string, boolean]>([
    [null, '2026-11-27', true],
    ['2024-11-27', '2026-11-27', true],
    ['2024-11-26', '2026-11-27', false],
    ['2024-02-29', '2026-02-28', true],
    ['2024-02-28', '2026-02-28', true],
    ['2024-02-27', '2026-02-28', false],
    ['2026-12-31', '2026-11-27', true],
  ])('terminated %s, on %s → %s', (termination, today, visible) => {
    expect(isVisible(termination, today)).toBe(visible);
  });
  it.each([
    ['2026-11-27', '2024-11-27'],
    ['2028-02-29', '2026-02-28'],
  ])('visibleSince(%s) = %s', (today, since) => {
    expect(visibleSince(today)).toBe(since);
  });
});

describe('coverageSpan', () => {
  it('spans from the first start to the last end', () => {
    expect(
      coverageSpan([
        { startDate: '2020-01-01', endDate: '2023-12-31' },
        { startDate: '2024-01-01', endDate: null },
      ]),
    ).toEqual({ effectiveDate: '2020-01-01', terminationDate: null });
  });
  it('refuses an empty history', () => {
    expect(() => coverageSpan([])).toThrow(RangeError);
  });
});
