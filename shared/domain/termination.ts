import type { GroupPolicy } from '../contract/schemas/group';
import { compareDates, endOfMonth, minDate } from '../util/dates';
import { retroWindowPhrase, earliestRetroDate } from './retro-window';
import { allow, violation, type RuleResult } from './rule-result';
import { terminationReason, type TerminationReasonId } from './termination-reasons';

/**
 * The last covered day for a termination requested on `requested` (the event: last day worked,
 * death, divorce). Carrier/plan policy: premium is billed monthly, so coverage
 * usually runs through the end of that month; some plans end on the event date. 834 end dates are
 * inclusive (the last covered day).
 */
export function effectiveTerminationDate(requested: string, policy: Pick<GroupPolicy, 'terminationRule'>): string {
  return policy.terminationRule === 'end_of_month' ? endOfMonth(requested) : requested;
}

export interface TerminationInput {
  /** The event date the administrator enters. */
  requestedDate: string;
  /** Start of the member's current coverage. */
  coverageStartDate: string;
}

/**
 * Validates a termination and returns its effective date. A termination may not end coverage
 * before it began (a cancel ends on the start date, as the 834 sends one) nor before the retro
 * window: a retroactive termination is a rescission (PHS Act §2712, 45 CFR 147.128).
 */
export function validateTermination(
  input: TerminationInput,
  policy: Pick<GroupPolicy, 'terminationRule' | 'retroMonths'>,
  today: string,
): RuleResult<string> {
  const effective = effectiveTerminationDate(input.requestedDate, policy);
  if (compareDates(effective, input.coverageStartDate) < 0) {
    return violation(
      'terminationDate',
      `Termination date must be on or after ${input.coverageStartDate}, when this coverage began. To cancel coverage that never started, use ${input.coverageStartDate}.`,
    );
  }
  const earliest = earliestRetroDate(policy, today);
  if (compareDates(effective, earliest) < 0) {
    return violation('terminationDate', `Termination date must be on or after ${earliest}: ${retroWindowPhrase(policy.retroMonths)}.`);
  }
  return allow(effective);
}

export interface DependentCoverageEnd {
  memberId: string;
  /** The dependent's own termination date, if already set. */
  terminationDate: string | null;
}

/**
 * When the subscriber's coverage ends, every dependent's ends the same day (their coverage hangs on
 * the subscriber's), unless a dependent's own earlier termination already ended it.
 */
export function dependentTerminationDates(
  subscriberTerminationDate: string,
  dependents: readonly DependentCoverageEnd[],
): { memberId: string; terminationDate: string }[] {
  return dependents.map((d) => ({
    memberId: d.memberId,
    terminationDate: d.terminationDate === null ? subscriberTerminationDate : minDate(d.terminationDate, subscriberTerminationDate),
  }));
}

export interface CobraNote {
  /** Federal COBRA applies (ERISA Title VI, IRC 4980B). */
  eligible: boolean;
  /** Maximum continuation months when eligible. */
  months: 18 | 36 | null;
  /** 834 INS07 qualifying event code when eligible. */
  ins07: string | null;
  message: string;
}

/**
 * Whether the termination gives COBRA rights. Federal COBRA applies to employers with
 * `threshold` (20) or more employees; smaller insured groups fall under state continuation
 * ("mini-COBRA"). Both numbers are plan data, so they are parameters.
 */
export function cobraNote(reasonId: TerminationReasonId, employer: { employeeCount: number; threshold: number }): CobraNote {
  const reason = terminationReason(reasonId);
  if (reason.cobra === null) {
    return { eligible: false, months: null, ins07: null, message: `${reason.label} is not a COBRA qualifying event; no continuation notice is needed.` };
  }
  if (employer.employeeCount < employer.threshold) {
    return {
      eligible: false,
      months: null,
      ins07: null,
      message: `${reason.label} would be a COBRA qualifying event, but federal COBRA applies to employers with ${employer.threshold} or more employees; state continuation coverage may apply.`,
    };
  }
  return {
    eligible: true,
    months: reason.cobra.months,
    ins07: reason.cobra.ins07,
    message: `${reason.label} is a COBRA qualifying event: the member may continue coverage for up to ${reason.cobra.months} months. The plan administrator sends the election notice.`,
  };
}
