import type { GroupPolicy } from '../contract/schemas/group';
import { addDays, compareDates, firstOfMonthOnOrAfter, minDate } from '../util/dates';
import { allow, violation, type RuleResult } from './rule-result';

/** PHS Act §2708, 45 CFR 147.116: a waiting period may not exceed 90 calendar days. */
export const maxWaitingPeriodDays = 90;

/**
 * First day a new hire's coverage can start: the 1st of the month on or after hire + the group's
 * waiting period. Rounding up to the 1st must not push past the 90-day limit ("1st of the month after
 * 90 days" is unlawful under 45 CFR 147.116), so the date is capped at hire + 90 days.
 */
export function firstEligibleEffectiveDate(hireDate: string, policy: Pick<GroupPolicy, 'waitingPeriodDays'>): string {
  const check = validateWaitingPeriodDays(policy.waitingPeriodDays);
  if (!check.ok) throw new RangeError(check.message);
  return minDate(firstOfMonthOnOrAfter(addDays(hireDate, policy.waitingPeriodDays)), addDays(hireDate, maxWaitingPeriodDays));
}

export function validateWaitingPeriodDays(days: number): RuleResult<number> {
  if (!Number.isInteger(days) || days < 0) return violation('waitingPeriodDays', 'The waiting period is a whole number of days, 0 or more.');
  if (days > maxWaitingPeriodDays) {
    return violation('waitingPeriodDays', `The waiting period can be at most ${maxWaitingPeriodDays} days (PHS Act §2708): choose ${maxWaitingPeriodDays} or fewer.`);
  }
  return allow(days);
}

/** Checks a new hire's coverage start against the group's waiting period, naming the first allowed date. */
export function validateWaitingPeriodStart(effectiveDate: string, hireDate: string, policy: Pick<GroupPolicy, 'waitingPeriodDays'>): RuleResult<string> {
  const earliest = firstEligibleEffectiveDate(hireDate, policy);
  if (compareDates(effectiveDate, earliest) >= 0) return allow(effectiveDate);
  return violation(
    'effectiveDate',
    `Effective date must be on or after ${earliest}: the group's waiting period is ${policy.waitingPeriodDays} days after the hire date ${hireDate}.`,
  );
}
