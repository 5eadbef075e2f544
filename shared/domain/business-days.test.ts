import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../util/dates';
import { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay } from './business-days';
import { federalHolidays, observedHolidayOn } from './federal-holidays';

describe('federalHolidays', () => {
  it('2026 (July 4 on a Saturday)', () => {
    expect(federalHolidays(2026).map((h) => [h.date, h.observed])).toEqual([
      ['2026-01-01', '2026-01-01'],
      ['2026-01-19', '2026-01-19'],
      ['2026-02-16', '2026-02-16'],
      ['2026-05-25', '2026-05-25'],
      ['2026-06-19', '2026-06-19'],
      ['2026-07-04', '2026-07-03'],
      ['2026-09-07', '2026-09-07'],
      ['2026-10-12', '2026-10-12'],
      ['2026-11-11', '2026-11-11'],
      ['2026-11-26', '2026-11-26'],
      ['2026-12-25', '2026-12-25'],
    ]);
  });
  it('has no Juneteenth before 2021', () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(federalHolidays(2021).some((h) => h.name.startsWith('Juneteenth'))).toBe(true);
  });
  it.each([
    [2023, '2023-11-23'],
    [2024, '2024-11-28'],
    [2025, '2025-11-27'],
    [2026, '2026-11-26'],
    [2027, '2027-11-25'],
  ])('Thanksgiving %i is the fourth Thursday, %s', (year, date) => {
    expect(federalHolidays(year).find((h) => h.name === 'Thanksgiving Day')?.date).toBe(date);
  });
});

describe('observedHolidayOn / isBusinessDay', () => {
  it.each<[string, string | null, boolean]>([
    ['2021-12-31', "New Year's Day", false], // 2022-01-01 is a Saturday, observed the Friday before, in 2021
    ['2022-01-01', null, false], // Saturday
    ['2023-01-02', "New Year's Day", false], // 2023-01-01 is a Sunday
    ['2021-06-18', 'Juneteenth National Independence Day', false],
    ['2022-06-20', 'Juneteenth National Independence Day', false],
    ['2020-06-19', null, true], // before Juneteenth was a federal holiday
    ['2026-07-03', 'Independence Day', false],
    ['2026-11-26', 'Thanksgiving Day', false],
    ['2026-11-27', null, true], // the day after Thanksgiving is not a federal holiday
    ['2023-11-10', 'Veterans Day', false], // Nov 11 2023 is a Saturday
    ['2027-12-24', 'Christmas Day', false],
    ['2027-12-31', "New Year's Day", false], // 2028-01-01 is a Saturday
    ['2026-12-31', null, true],
    ['2026-11-28', null, false], // Saturday
    ['2026-11-29', null, false], // Sunday
    ['2026-01-19', 'Birthday of Martin Luther King, Jr.', false],
    ['2024-05-27', 'Memorial Day', false],
    ['2025-09-01', 'Labor Day', false],
    ['2025-10-13', 'Columbus Day', false],
    ['2025-02-17', "Washington's Birthday", false],
  ])('%s → %s (business day %s)', (date, holiday, business) => {
    expect(observedHolidayOn(date)).toBe(holiday);
    expect(isBusinessDay(date)).toBe(business);
  });
});

describe('addBusinessDays / businessDaysBetween / nextBusinessDay', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-27'], // over Thanksgiving
    ['2026-11-27', 3, '2026-12-02'],
    ['2026-11-27', 5, '2026-12-04'],
    ['2021-12-30', 1, '2022-01-03'], // over the Dec 31 observance and a weekend
    ['2022-12-30', 1, '2023-01-03'], // over the Jan 2 observance
    ['2026-07-02', 1, '2026-07-06'],
    ['2026-07-06', -1, '2026-07-02'],
    ['2026-11-28', 1, '2026-11-30'], // from a Saturday
    ['2026-11-28', -1, '2026-11-27'],
    ['2026-11-27', 0, '2026-11-27'],
    ['2026-12-24', 2, '2026-12-29'],
  ])('%s + %i business days = %s', (from, n, to) => {
    expect(addBusinessDays(from, n)).toBe(to);
    expect(businessDaysBetween(from, to)).toBe(n);
  });
  it.each([
    ['2026-11-20', '2026-11-30', 5],
    ['2026-11-30', '2026-11-20', -5],
    ['2026-12-31', '2027-01-04', 1],
    ['2026-11-27', '2026-11-27', 0],
  ])('between %s and %s: %i', (from, to, n) => {
    expect(businessDaysBetween(from, to)).toBe(n);
  });
  it('businessDaysBetween inverts addBusinessDays from any day', () => {
    const start = toEpochDay('2021-12-01');
    for (let d = 0; d < 90; d++) {
      const from = fromEpochDay(start + d);
      for (const n of [-7, -3, -1, 1, 3, 5, 10]) expect(businessDaysBetween(from, addBusinessDays(from, n))).toBe(n);
    }
  });
  it.each([
    ['2026-11-26', '2026-11-27'],
    ['2026-11-27', '2026-11-27'],
    ['2026-07-03', '2026-07-06'],
    ['2021-12-31', '2022-01-03'],
  ])('next business day on or after %s is %s', (date, next) => {
    expect(nextBusinessDay(date)).toBe(next);
  });
});
