import { describe, expect, it } from 'vitest';
import type { Relationship } from '../contract/schemas/member';
import { addDays } from '../util/dates';
import { ageOutDate, earliestChildBirthDate, isWithinDependentAge, validateDependentAge } from './dependent-age';

const policy = { dependentAgeLimit: 26 };

describe('ageOutDate: end of the month of the 26th birthday', () => {
  it.each([
    ['2000-03-15', 26, '2026-03-31'],
    ['2000-01-01', 26, '2026-01-31'],
    ['2000-12-31', 26, '2026-12-31'],
    ['2000-02-29', 26, '2026-02-28'],
    ['2004-02-29', 26, '2030-02-28'],
    ['2006-02-28', 26, '2032-02-29'],
    ['2000-06-30', 19, '2019-06-30'],
    ['1999-11-30', 30, '2029-11-30'],
  ])('born %s, limit %i → covered through %s', (dob, limit, last) => {
    expect(ageOutDate(dob, { dependentAgeLimit: limit })).toBe(last);
  });
});

describe('earliestChildBirthDate: the first birth date the age limit accepts', () => {
  it.each([
    ['2026-12-01', 26, '2000-12-01'],
    ['2026-12-15', 26, '2000-12-01'],
    ['2028-02-29', 26, '2002-02-01'],
    ['2027-01-01', 19, '2008-01-01'],
  ])('covered from %s, limit %i → born on or after %s', (coverage, limit, earliest) => {
    const policy = { dependentAgeLimit: limit };
    expect(earliestChildBirthDate(coverage, policy)).toBe(earliest);
    // The day before is refused, the day itself accepted.
    expect(isWithinDependentAge({ relationship: 'child', dateOfBirth: earliest }, coverage, policy)).toBe(true);
    expect(isWithinDependentAge({ relationship: 'child', dateOfBirth: addDays(earliest, -1) }, coverage, policy)).toBe(false);
  });
});

describe('isWithinDependentAge / validateDependentAge', () => {
  it.each<[Relationship, string, boolean, string, boolean]>([
    ['child', '2000-03-15', false, '2026-03-31', true],
    ['child', '2000-03-15', false, '2026-04-01', false],
    ['child', '2000-03-15', false, '2026-03-15', true],
    ['stepchild', '2000-12-31', false, '2026-12-31', true],
    ['adopted_child', '2000-12-31', false, '2027-01-01', false],
    ['foster_child', '2000-02-29', false, '2026-02-28', true],
    ['foster_child', '2000-02-29', false, '2026-03-01', false],
    ['child', '1990-01-01', true, '2026-11-27', true],
    ['spouse', '1940-01-01', false, '2026-11-27', true],
    ['domestic_partner', '1950-05-05', false, '2026-11-27', true],
    ['subscriber', '1955-05-05', false, '2026-11-27', true],
  ])('%s born %s (disabled %s) on %s → %s', (relationship, dateOfBirth, disabled, on, ok) => {
    expect(isWithinDependentAge({ relationship, dateOfBirth, disabled }, on, policy)).toBe(ok);
    expect(validateDependentAge({ relationship, dateOfBirth, disabled }, on, policy).ok).toBe(ok);
  });
  it('names the child, says until when and what to do', () => {
    expect(validateDependentAge({ relationship: 'child', dateOfBirth: '2000-03-15', firstName: 'Maya', lastName: ' Ortiz ' }, '2026-05-01', policy)).toEqual({
      ok: false,
      code: 'RULE',
      field: 'dateOfBirth',
      message:
        'Maya Ortiz is 26 on 2026-03-15: children are covered to the end of the month they turn 26, so through 2026-03-31, and coverage on 2026-05-01 is past that. Mark the dependent as disabled with proof of incapacity, or choose a date on or before 2026-03-31.',
    });
  });
  it('speaks of "this child" while no name is typed', () => {
    const result = validateDependentAge({ relationship: 'stepchild', dateOfBirth: '2000-03-15', firstName: ' ', lastName: '' }, '2026-05-01', policy);
    expect(result.ok ? null : result.message).toMatch(/^This child is 26 on 2026-03-15: children are covered to the end of the month/);
  });
});
