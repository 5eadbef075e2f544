import type { GroupPolicy } from '@shared/contract/schemas/group';
import { earliestRetroDate, retroWindowPhrase } from '@shared/domain/retro-window';
import { firstEligibleEffectiveDate, maxWaitingPeriodDays } from '@shared/domain/waiting-period';
import { addDays, compareDates, firstOfMonthOnOrAfter, firstOfNextMonth, maxDate } from '@shared/util/dates';
import { formatDate } from '../../components/format';

export interface EffectiveDateOffer {
  /** The earliest date the plan accepts for this hire: waiting period and retro window both met. */
  earliest: string;
  /** The earliest, then the 1st of each following month. */
  options: string[];
  /** Why the earliest is what it is, in sentences for the screen. */
  reasons: string[];
}

/**
 * The coverage start dates to offer a new hire, from the group's rules: the waiting period (first of
 * the month after it, never past 90 days: PHS Act §2708) and the retro window. The plan service
 * checks the same two rules (server enroll.ts), so every date offered here is one it accepts.
 */
export function offerEffectiveDates(hireDate: string, policy: Pick<GroupPolicy, 'waitingPeriodDays' | 'retroMonths'>, today: string, count = 4): EffectiveDateOffer {
  const eligible = firstEligibleEffectiveDate(hireDate, policy);
  const retro = earliestRetroDate(policy, today);
  const earliest = maxDate(eligible, retro);
  const options = [earliest];
  while (options.length < count) options.push(firstOfNextMonth(options[options.length - 1] as string));

  const waitEnds = addDays(hireDate, policy.waitingPeriodDays);
  const reasons = [
    policy.waitingPeriodDays === 0
      ? `This group has no waiting period: coverage can start on the first of the month on or after the hire date (${formatDate(hireDate)}), ${formatDate(eligible)}.`
      : compareDates(eligible, firstOfMonthOnOrAfter(waitEnds)) < 0
        ? `The group's waiting period is ${policy.waitingPeriodDays} days after the hire date (${formatDate(hireDate)}); the first of the month after it would be more than ${maxWaitingPeriodDays} days, the federal limit, so coverage can start on ${formatDate(eligible)}.`
        : `The group's waiting period is ${policy.waitingPeriodDays} days after the hire date (${formatDate(hireDate)}), ending ${formatDate(waitEnds)}; coverage starts on the first of the month on or after that: ${formatDate(eligible)}.`,
  ];
  if (compareDates(retro, eligible) > 0) reasons.push(`Dates before ${formatDate(retro)} are not offered: ${retroWindowPhrase(policy.retroMonths)}.`);
  return { earliest, options, reasons };
}
