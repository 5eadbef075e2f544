import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  dayOfWeek,
  daysBetween,
  endOfMonth,
  firstOfMonth,
  firstOfMonthOnOrAfter,
  firstOfNextMonth,
  fromEpochDay,
  isIsoDate,
  maxDate,
  minDate,
  parsePlainDate,
  toEpochDay,
} from './dates';

describe('parsePlainDate / isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['20260101', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('%s exists: %s', (iso, exists) => {
    expect(isIsoDate(iso)).toBe(exists);
    if (exists) expect(parsePlainDate(iso).toString()).toBe(iso);
    else expect(() => parsePlainDate(iso)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['1969-12-31', 1, '1970-01-01'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('%s + %i days = %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });
});

describe('addMonths / addYears clamp to the month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-01-15', -2, '2025-11-15'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-05-31', -24, '2024-05-31'],
  ])('%s + %i months = %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2000-06-30', 26, '2026-06-30'],
  ])('%s + %i years = %s', (from, n, expected) => {
    expect(addYears(from, n)).toBe(expected);
  });
});

describe('month boundaries', () => {
  it.each([
    // date, firstOfMonth, endOfMonth, firstOfNextMonth, firstOfMonthOnOrAfter
    ['2026-11-27', '2026-11-01', '2026-11-30', '2026-12-01', '2026-12-01'],
    ['2026-12-31', '2026-12-01', '2026-12-31', '2027-01-01', '2027-01-01'],
    ['2024-02-10', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-01'],
    ['2025-02-10', '2025-02-01', '2025-02-28', '2025-03-01', '2025-03-01'],
    ['2026-03-01', '2026-03-01', '2026-03-31', '2026-04-01', '2026-03-01'],
    ['2100-02-01', '2100-02-01', '2100-02-28', '2100-03-01', '2100-02-01'],
  ])('%s', (date, first, end, next, onOrAfter) => {
    expect(firstOfMonth(date)).toBe(first);
    expect(endOfMonth(date)).toBe(end);
    expect(firstOfNextMonth(date)).toBe(next);
    expect(firstOfMonthOnOrAfter(date)).toBe(onOrAfter);
  });
});

describe('compare, min, max, daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1, 1],
    ['2026-01-02', '2026-01-01', 1, -1],
    ['2026-01-01', '2026-01-01', 0, 0],
    ['2025-12-31', '2027-01-01', -1, 366],
    ['2024-02-28', '2024-03-01', -1, 2],
    ['2023-02-28', '2023-03-01', -1, 1],
  ])('%s vs %s', (a, b, order, days) => {
    expect(compareDates(a, b)).toBe(order);
    expect(daysBetween(a, b)).toBe(days);
  });
  it('min and max pick by calendar', () => {
    expect(minDate('2026-03-01', '2025-12-31', '2026-01-01')).toBe('2025-12-31');
    expect(maxDate('2026-03-01', '2025-12-31', '2026-11-30')).toBe('2026-11-30');
  });
  it('refuses a malformed date instead of mis-ordering it', () => {
    expect(() => compareDates('2026-2-1', '2026-01-01')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['2000-11-27', '2026-11-27', 26],
    ['2000-11-28', '2026-11-27', 25],
    ['2000-11-26', '2026-11-27', 26],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2028-02-29', 28],
    ['2000-12-31', '2001-01-01', 0],
    ['2026-11-27', '2026-11-27', 0],
  ])('born %s, on %s → %i', (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-11-27', 5],
    ['2026-11-29', 7],
    ['2026-11-30', 1],
    ['2000-02-29', 2],
  ])('%s is ISO weekday %i', (iso, dow) => {
    expect(dayOfWeek(iso)).toBe(dow);
  });
});

describe('integer arithmetic agrees with Temporal', () => {
  // Every day from 1899 to 2101 round-trips and matches Temporal's weekday and epoch day.
  it('round-trips every day across two centuries', () => {
    const start = Temporal.PlainDate.from('1899-01-01');
    const startDay = toEpochDay('1899-01-01');
    let mismatches = 0;
    for (let i = 0; i < 203 * 366; i += 1) {
      const t = start.add({ days: i });
      const iso = t.toString();
      if (fromEpochDay(startDay + i) !== iso || toEpochDay(iso) !== startDay + i || dayOfWeek(iso) !== t.dayOfWeek) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });
  it.each([
    ['2024-01-31', 1],
    ['2023-08-31', 6],
    ['2025-12-31', -10],
    ['2020-02-29', 12],
  ])('addMonths(%s, %i) matches Temporal constrain', (iso, n) => {
    expect(addMonths(iso, n)).toBe(Temporal.PlainDate.from(iso).add({ months: n }, { overflow: 'constrain' }).toString());
  });
});
