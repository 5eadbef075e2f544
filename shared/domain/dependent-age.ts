import type { GroupPolicy } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { addYears, compareDates, endOfMonth, firstOfMonth } from '../util/dates';
import { isChildRelationship } from './relationships';
import { allow, violation, type RuleResult } from './rule-result';

/**
 * Last day a child is covered: the end of the month of the `dependentAgeLimit` birthday.
 * 45 CFR 147.120: children eligible to 26; ending at the end of the birth month is plan policy
 * (the most common one). A Feb 29 birthday falls on Feb 28 in a common year, same month either way.
 */
export function ageOutDate(dateOfBirth: string, policy: Pick<GroupPolicy, 'dependentAgeLimit'>): string {
  return endOfMonth(addYears(dateOfBirth, policy.dependentAgeLimit));
}

/**
 * The earliest date of birth a child (not disabled) may have to be covered on `coverageDate`: the first
 * of the month `dependentAgeLimit` years before, so a date field can offer no birth date the rule refuses.
 */
export function earliestChildBirthDate(coverageDate: string, policy: Pick<GroupPolicy, 'dependentAgeLimit'>): string {
  return firstOfMonth(addYears(coverageDate, -policy.dependentAgeLimit));
}

export interface DependentAgeInput {
  relationship: Relationship;
  dateOfBirth: string;
  /** Incapable of self-support with proof on file (834 INS10 = Y): covered past the limit. */
  disabled?: boolean;
  /** The names, when known, so the message says whom it is about. */
  firstName?: string;
  lastName?: string;
}

/** "Maya Ortiz", or "This child" while no name is typed yet. */
function childName(member: DependentAgeInput): string {
  const name = [member.firstName, member.lastName].map((part) => part?.trim() ?? '').filter((part) => part !== '').join(' ');
  return name === '' ? 'This child' : name;
}

/** Whether the age limit lets this member be covered on `on`; partners and subscribers have no age limit. */
export function isWithinDependentAge(member: DependentAgeInput, on: string, policy: Pick<GroupPolicy, 'dependentAgeLimit'>): boolean {
  if (!isChildRelationship(member.relationship) || member.disabled === true) return true;
  return compareDates(on, ageOutDate(member.dateOfBirth, policy)) <= 0;
}

/** Checks a child's coverage date against the age limit, with a message that names the child and says the way out. */
export function validateDependentAge(
  member: DependentAgeInput,
  coverageDate: string,
  policy: Pick<GroupPolicy, 'dependentAgeLimit'>,
): RuleResult<string> {
  if (isWithinDependentAge(member, coverageDate, policy)) return allow(coverageDate);
  const limit = policy.dependentAgeLimit;
  const lastDay = ageOutDate(member.dateOfBirth, policy);
  return violation(
    'dateOfBirth',
    `${childName(member)} is ${limit} on ${addYears(member.dateOfBirth, limit)}: children are covered to the end of the month they turn ${limit}, so through ${lastDay}, and coverage on ${coverageDate} is past that. Mark the dependent as disabled with proof of incapacity, or choose a date on or before ${lastDay}.`,
  );
}
