import { describe, expect, it } from 'vitest';
import { employeeAgeWarning } from './employee-age';

describe('employeeAgeWarning', () => {
  it.each([
    ['1985-04-12', '2026-11-27', null],
    ['2012-11-27', '2026-11-27', null], // 14 that day
    ['2012-11-28', '2026-11-27', 'This makes the employee 13 on the hire date, younger than 14: check the year of birth.'],
    ['2016-05-01', '2026-11-27', 'This makes the employee 10 on the hire date, younger than 14: check the year of birth.'],
    ['1926-11-27', '2026-11-27', null], // 100 that day
    ['1925-11-27', '2026-11-27', 'This makes the employee 101 on the hire date, older than 100: check the year of birth.'],
    ['2027-01-01', '2026-11-27', null], // after the date: the field refuses it
  ])('%s on %s → %j', (dateOfBirth, on, warning) => {
    expect(employeeAgeWarning(dateOfBirth, on, 'on the hire date')).toBe(warning);
  });
});
