import type { GroupPolicy } from '../contract/schemas/group';
import { addMonths, compareDates, firstOfMonth } from '../util/dates';
import { allow, countWord, violation, type RuleResult } from './rule-result';

/**
 * The earliest effective or termination date allowed today: the 1st of the month `retroMonths`
 * before the current month. Retro terms are capped by carrier policy and by the ACA rescission ban
 * (PHS Act §2712, 45 CFR 147.128); retro adds by carrier policy (commonly 30–60 days).
 */
export function earliestRetroDate(policy: Pick<GroupPolicy, 'retroMonths'>, today: string): string {
  return addMonths(firstOfMonth(today), -policy.retroMonths);
}

/** "the current month and the two before it". */
export function retroWindowPhrase(retroMonths: number): string {
  if (retroMonths === 0) return 'retroactive changes are limited to the current month';
  if (retroMonths === 1) return 'retroactive changes are limited to the current month and the one before it';
  return `retroactive changes are limited to the current month and the ${countWord(retroMonths)} before it`;
}

/**
 * `label` names the date in the message ("Termination date"), `field` is the form field it belongs to.
 * Dates in the future pass: other rules bound them.
 */
export function validateRetroDate(
  date: string,
  policy: Pick<GroupPolicy, 'retroMonths'>,
  today: string,
  field = 'effectiveDate',
  label = 'Effective date',
): RuleResult<string> {
  const earliest = earliestRetroDate(policy, today);
  if (compareDates(date, earliest) >= 0) return allow(date);
  return violation(field, `${label} must be on or after ${earliest}: ${retroWindowPhrase(policy.retroMonths)}.`);
}
