import type { CoverageTier, GroupPolicy, Plan } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { compareDates, firstOfMonth } from '../util/dates';
import { deriveCoverageTier, monthlyPremium } from './coverage-tier';
import { isWithinDependentAge } from './dependent-age';
import { earliestRetroDate } from './retro-window';

/**
 * How a coverage month is billed, from the coverage history alone (docs/billing-rules.md). The plan
 * service issues invoices with these rules and the desktop can preview the next invoice with them.
 */

/** One coverage period of a member, with what billing needs to know about the member. */
export interface BillableCoverage {
  memberId: string;
  relationship: Relationship;
  dateOfBirth: string;
  /** Incapable of self-support with proof on file: billed past the dependent age limit. */
  disabled: boolean;
  planCode: string;
  startDate: string;
  /** Last day covered; null while open. An end before the start marks a period that never took effect. */
  endDate: string | null;
}

/** A family's premium for one month: billed per contract, to the subscriber. */
export interface MonthCharge {
  subscriberId: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

/**
 * Whole months: a month is owed for a member covered on its first day, so coverage effective after
 * the 1st is billed from the next month, a termination at month end bills through that month, and
 * a child past the age limit (end of the birth month) is not billed from the month after.
 */
export function isBilledInMonth(coverage: BillableCoverage, monthStart: string, policy: Pick<GroupPolicy, 'dependentAgeLimit'>): boolean {
  const { startDate, endDate } = coverage;
  if (compareDates(startDate, monthStart) > 0) return false;
  if (endDate !== null && (compareDates(endDate, monthStart) < 0 || compareDates(endDate, startDate) < 0)) return false;
  return isWithinDependentAge(coverage, monthStart, policy);
}

/**
 * The family's charge for the month starting `monthStart`, or null when nobody in it is billed: the
 * tier follows from who is billed that month, the plan is the subscriber's (when the subscriber is
 * not billed, that of the dependent with the lowest member ID), the amount is that plan's rate for the tier.
 */
export function familyMonthCharge(
  subscriberId: string,
  coverage: readonly BillableCoverage[],
  monthStart: string,
  plans: readonly Plan[],
  policy: Pick<GroupPolicy, 'dependentAgeLimit'>,
): MonthCharge | null {
  if (firstOfMonth(monthStart) !== monthStart) throw new RangeError(`${monthStart} is not the first day of a month`);
  const billed = coverage.filter((c) => isBilledInMonth(c, monthStart, policy));
  if (billed.length === 0) return null;
  const byId = [...billed].sort((x, y) => (x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0));
  const planCode = (byId.find((c) => c.memberId === subscriberId) ?? byId[0])?.planCode ?? '';
  const plan = plans.find((p) => p.code === planCode);
  if (!plan) throw new Error(`Plan ${planCode} of family ${subscriberId} is not among the group's plans`);
  const members = new Map(billed.map((c) => [c.memberId, c.relationship]));
  const tier = deriveCoverageTier([...members.values()]);
  return { subscriberId, planCode, tier, amountCents: monthlyPremium(plan, tier) };
}

/** The eligibility transaction behind a change of coverage: its confirmation number and the day it was accepted. */
export interface ChangeCause {
  confirmationNumber: string;
  acceptedOn: string;
}

export interface MonthAdjustmentInput {
  monthStart: string;
  /** What invoices have already charged the family for the month: its line plus earlier adjustments. */
  billedCents: number;
  /** What the coverage history says the month costs now. */
  due: MonthCharge | null;
  /** The latest transaction that changed the family's coverage of the month; null if none is on file. */
  cause: ChangeCause | null;
  policy: Pick<GroupPolicy, 'retroMonths'>;
}

export interface MonthAdjustment {
  kind: 'charge' | 'credit';
  /** Positive for a charge, negative for a credit. */
  amountCents: number;
}

/**
 * A month already billed whose coverage changed since: a retroactive enrollment or tier increase is
 * charged back in full to that month; a retroactive termination or tier decrease is credited only
 * when the month lies within the group's retro window as of the day the change was accepted (the
 * current month and `retroMonths` before it). A credit with no transaction on file is not given.
 */
export function monthAdjustment(input: MonthAdjustmentInput): MonthAdjustment | null {
  const delta = (input.due?.amountCents ?? 0) - input.billedCents;
  if (delta > 0) return { kind: 'charge', amountCents: delta };
  if (delta === 0 || input.cause === null) return null;
  const inWindow = compareDates(input.monthStart, earliestRetroDate(input.policy, input.cause.acceptedOn)) >= 0;
  return inWindow ? { kind: 'credit', amountCents: delta } : null;
}

export interface InvoiceTotals {
  previousBalanceCents: number;
  paymentsCents: number;
  premiumsCents: number;
  adjustmentsCents: number;
}

/** Total due = previous balance − payments received + current premiums + adjustments (credits are negative). */
export function totalDue(totals: InvoiceTotals): number {
  return totals.previousBalanceCents - totals.paymentsCents + totals.premiumsCents + totals.adjustmentsCents;
}
