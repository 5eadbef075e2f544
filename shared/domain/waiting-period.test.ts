import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromEpochDay, toEpochDay } from '../util/dates';
import { firstEligibleEffectiveDate, validateWaitingPeriodDays } from './waiting-period';

describe('firstEligibleEffectiveDate', () => {
  it.each([
    ['2026-01-15', 30, '2026-03-01'],
    ['2026-01-02', 30, '2026-02-01'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-03-02', 0, '2026-04-01'],
    ['2024-02-29', 0, '2024-03-01'],
    ['2024-01-30', 30, '2024-03-01'],
    ['2026-12-15', 60, '2027-03-01'],
    ['2026-12-02', 30, '2027-01-01'],
    // 1st of the month after 90 days would be 2026-05-01, past the legal 90 days: capped at hire + 90.
    ['2026-01-02', 90, '2026-04-02'],
    ['2026-01-01', 90, '2026-04-01'],
  ])('hired %s, %i-day wait → %s', (hire, waitingPeriodDays, effective) => {
    expect(firstEligibleEffectiveDate(hire, { waitingPeriodDays })).toBe(effective);
  });
  it('never starts more than 90 days after hire, nor before the waiting period ends', () => {
    const start = toEpochDay('2023-12-01');
    for (let d = 0; d < 800; d += 1) {
      const hire = fromEpochDay(start + d);
      for (const wait of [0, 1, 29, 30, 31, 60, 61, 89, 90]) {
        const effective = firstEligibleEffectiveDate(hire, { waitingPeriodDays: wait });
        expect(daysBetween(hire, effective)).toBeLessThanOrEqual(90);
        expect(daysBetween(addDays(hire, wait), effective)).toBeGreaterThanOrEqual(0);
        expect(effective.endsWith('-01') || daysBetween(hire, effective) === 90).toBe(true);
      }
    }
  });
  it('refuses a waiting period over 90 days', () => {
    expect(() => firstEligibleEffectiveDate('2026-01-01', { waitingPeriodDays: 91 })).toThrow('at most 90 days');
  });
});

describe('validateWaitingPeriodDays', () => {
  it.each([
    [0, true],
    [30, true],
    [90, true],
    [91, false],
    [-1, false],
    [30.5, false],
  ])('%s days → %s', (days, ok) => {
    expect(validateWaitingPeriodDays(days).ok).toBe(ok);
  });
});
