import { z } from 'zod';
import { gender } from '@shared/contract/schemas/member';
import { isoDate, ssnInput } from '@shared/contract/schemas/primitives';
import { personInput } from '@shared/plan-api/eligibility';
import { compareDates } from '@shared/util/dates';
import { blankOr, filled, orNull } from './form-rules';

/** A person as the form holds it: what was typed, '' for nothing yet. */
export interface PersonValues {
  firstName: string;
  middleName: string;
  lastName: string;
  suffix: string;
  dateOfBirth: string;
  gender: '' | 'F' | 'M' | 'U';
  ssn: string;
}

export const emptyPerson: PersonValues = { firstName: '', middleName: '', lastName: '', suffix: '', dateOfBirth: '', gender: '', ssn: '' };

export const genderOptions = [
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
  { value: 'U', label: 'Not specified' },
] as const;

const { firstName, middleName, lastName, suffix } = personInput.shape;

/** A date of birth: the service's date format, and not after `today`. */
export function dateOfBirthField(today: string) {
  return filled(isoDate, 'Enter the date of birth').superRefine((value, ctx) => {
    if (isoDate.safeParse(value).success && compareDates(value, today) > 0) ctx.addIssue({ code: 'custom', message: `The date of birth cannot be after today (${today}).` });
  });
}

/** The person fields checked with the service's own field schemas (shared/plan-api/eligibility.ts `personInput`). */
export function personFormSchema({ today, ssnRequired }: { today: string; ssnRequired: boolean }) {
  return z.object({
    firstName: filled(firstName, 'Enter the first name'),
    middleName: blankOr(middleName.unwrap().unwrap()),
    lastName: filled(lastName, 'Enter the last name'),
    suffix: blankOr(suffix.unwrap().unwrap()),
    dateOfBirth: dateOfBirthField(today),
    gender: filled(gender, 'Choose a gender'),
    ssn: ssnRequired ? filled(ssnInput, 'Enter the Social Security number') : blankOr(ssnInput),
  });
}

/** The SSN as the service takes it: 9 digits. */
export const ssnDigits = (ssn: string) => ssn.replace(/[\s-]/g, '');

/** The request's person fields from the form's (blank optional fields become null). */
export function personRequest(p: PersonValues) {
  return {
    firstName: p.firstName.trim(),
    middleName: orNull(p.middleName),
    lastName: p.lastName.trim(),
    suffix: orNull(p.suffix),
    dateOfBirth: p.dateOfBirth,
    gender: p.gender as 'F' | 'M' | 'U',
  };
}
