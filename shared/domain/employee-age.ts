import { ageOn, compareDates } from '../util/dates';

/**
 * An employee younger than 14 or older than 100 is possible (a family farm, a long career) but far more
 * often a mistyped year of birth, so the wizards ask the administrator to look again without refusing.
 */
export const YOUNGEST_LIKELY_EMPLOYEE = 14;
export const OLDEST_LIKELY_EMPLOYEE = 100;

/**
 * The warning for an employee's date of birth, measured on `on` (the hire date, or today when it is
 * not known yet) that `onWords` names; null when the age is likely or the birth date is after `on`
 * (which the field refuses on its own).
 */
export function employeeAgeWarning(dateOfBirth: string, on: string, onWords: string): string | null {
  if (compareDates(dateOfBirth, on) > 0) return null;
  const age = ageOn(dateOfBirth, on);
  if (age < YOUNGEST_LIKELY_EMPLOYEE) return `This makes the employee ${age} ${onWords}, younger than ${YOUNGEST_LIKELY_EMPLOYEE}: check the year of birth.`;
  if (age > OLDEST_LIKELY_EMPLOYEE) return `This makes the employee ${age} ${onWords}, older than ${OLDEST_LIKELY_EMPLOYEE}: check the year of birth.`;
  return null;
}
