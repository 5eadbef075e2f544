import type { GroupPolicy } from '../contract/schemas/group';
import { addDays, compareDates, daysBetween, fromParts, isIsoDate, toParts } from '../util/dates';
import { qualifyingEvent, qualifyingEventEffectiveDate, qualifyingEventWindowDays, type QualifyingEventId } from './qualifying-events';
import type { FieldViolation } from './rule-result';

/**
 * Why an employee may enroll now. An employee who let the first window pass waits for open
 * enrollment unless a special-enrollment event opens a window of its own (HIPAA special enrollment).
 */
export const enrollmentReasons = ['initial', 'open_enrollment', 'special'] as const;
export type EnrollmentReason = (typeof enrollmentReasons)[number];

/** The events that let an employee enroll themselves outside open enrollment. */
export const specialEnrollmentEventIds = [
  'loss_of_other_coverage',
  'marriage',
  'birth',
  'adoption',
  'placement_for_adoption',
  'loss_of_medicaid_chip',
  'premium_assistance_eligibility',
] as const satisfies readonly QualifyingEventId[];
export type SpecialEnrollmentEventId = (typeof specialEnrollmentEventIds)[number];

export type EnrollmentPeriodPolicy = Pick<
  GroupPolicy,
  'waitingPeriodDays' | 'initialEnrollmentDays' | 'planYearStart' | 'openEnrollmentStart' | 'openEnrollmentEnd' | 'specialEnrollmentDays' | 'medicaidSpecialEnrollmentDays'
>;

/** What the timing rule reads of a request; blank or half-typed values wait, as in the other checks. */
export interface EnrollmentTiming {
  effectiveDate: string;
  hireDate: string;
  /** Absent means the first enrollment after hire, as requests made before the question existed are. */
  enrollmentReason?: EnrollmentReason | undefined;
  event?: { kind: SpecialEnrollmentEventId | ''; date: string } | undefined;
}

/** Last day a new hire may enroll without an event: the group's window after the waiting period ends. */
export function initialEnrollmentCloses(hireDate: string, policy: Pick<GroupPolicy, 'waitingPeriodDays' | 'initialEnrollmentDays'>): string {
  return addDays(hireDate, policy.waitingPeriodDays + policy.initialEnrollmentDays);
}

export interface OpenEnrollmentPeriod {
  start: string;
  end: string;
  /** The coverage date an enrollment made in the period takes. */
  planYearStart: string;
}

/** The open enrollment running today, or else the next one. */
export function currentOrNextOpenEnrollment(today: string, policy: Pick<GroupPolicy, 'planYearStart' | 'openEnrollmentStart' | 'openEnrollmentEnd'>): OpenEnrollmentPeriod {
  const next = periodBefore(nextOccurrenceAfter(policy.planYearStart, today), policy);
  return compareDates(today, next.end) <= 0 ? next : periodBefore(nextOccurrenceAfter(policy.planYearStart, next.planYearStart), policy);
}

export function isInOpenEnrollment(today: string, period: OpenEnrollmentPeriod): boolean {
  return compareDates(period.start, today) <= 0 && compareDates(today, period.end) <= 0;
}

/** The coverage start a special-enrollment event gives, requested today. */
export function specialEnrollmentEffectiveDate(event: SpecialEnrollmentEventId, eventDate: string, today: string): string {
  // The termination rule only matters for removals, which are not among these events.
  return qualifyingEventEffectiveDate(event, eventDate, today, { terminationRule: 'end_of_month' });
}

/**
 * The enrollment-period rule: a first enrollment only within the window after the waiting period,
 * an open enrollment only during the period and from the plan-year start, a special enrollment
 * only within its event's window and from the date the event gives. Each refusal says which way
 * is still open.
 */
export function checkEnrollmentTiming(facts: EnrollmentTiming, policy: EnrollmentPeriodPolicy, today: string): FieldViolation[] {
  const reason = facts.enrollmentReason ?? 'initial';
  const openEnrollment = currentOrNextOpenEnrollment(today, policy);
  const nextOpen = isInOpenEnrollment(today, openEnrollment)
    ? `open enrollment (open now until ${openEnrollment.end}, for coverage from ${openEnrollment.planYearStart})`
    : `open enrollment (next: ${openEnrollment.start} to ${openEnrollment.end}, for coverage from ${openEnrollment.planYearStart})`;
  const effectiveDate = isIsoDate(facts.effectiveDate) ? facts.effectiveDate : null;

  if (reason === 'initial') {
    if (!isIsoDate(facts.hireDate)) return [];
    const closes = initialEnrollmentCloses(facts.hireDate, policy);
    if (compareDates(today, closes) <= 0) return [];
    return [
      {
        path: ['enrollmentReason'],
        message: `Hired on ${facts.hireDate}: the first enrollment window closed on ${closes}. Enroll for a qualifying event, or during ${nextOpen}.`,
      },
    ];
  }

  if (reason === 'open_enrollment') {
    if (!isInOpenEnrollment(today, openEnrollment)) {
      return [{ path: ['enrollmentReason'], message: `Open enrollment is not open today: the next runs ${openEnrollment.start} to ${openEnrollment.end}, for coverage from ${openEnrollment.planYearStart}. Enroll then, or for a qualifying event.` }];
    }
    if (effectiveDate !== null && effectiveDate !== openEnrollment.planYearStart) {
      return [{ path: ['effectiveDate'], message: `An open enrollment covers from the plan-year start: choose ${openEnrollment.planYearStart}.` }];
    }
    return [];
  }

  const event = facts.event;
  if (event === undefined || event.kind === '') return [{ path: ['event', 'kind'], message: 'Choose the qualifying event that lets this employee enroll now.' }];
  if (!isIsoDate(event.date)) return [];
  const { label } = qualifyingEvent(event.kind);
  if (compareDates(event.date, today) > 0) {
    return [{ path: ['event', 'date'], message: `The ${label.toLowerCase()} date ${event.date} is after today (${today}): enroll on or after the event.` }];
  }
  const windowDays = qualifyingEventWindowDays(event.kind, policy);
  if (windowDays !== null && daysBetween(event.date, today) > windowDays) {
    return [
      {
        path: ['event', 'date'],
        message: `${label} on ${event.date} was more than ${windowDays} days ago: enrolling for it had to be requested within ${windowDays} days. Enroll during ${nextOpen}.`,
      },
    ];
  }
  const start = specialEnrollmentEffectiveDate(event.kind, event.date, today);
  if (effectiveDate !== null && effectiveDate !== start) {
    return [{ path: ['effectiveDate'], message: `Coverage for a ${label.toLowerCase()} on ${event.date} starts on ${start}: choose that date.` }];
  }
  return [];
}

/** The first day after `after` that falls on `monthDay` (MM-DD). */
function nextOccurrenceAfter(monthDay: string, after: string): string {
  const { year } = toParts(after);
  const sameYear = onDay(monthDay, year);
  return compareDates(sameYear, after) > 0 ? sameYear : onDay(monthDay, year + 1);
}

/** The open enrollment for the plan year starting `planYearStart`: the last start and end days before it. */
function periodBefore(planYearStart: string, policy: Pick<GroupPolicy, 'openEnrollmentStart' | 'openEnrollmentEnd'>): OpenEnrollmentPeriod {
  return { start: lastBefore(policy.openEnrollmentStart, planYearStart), end: lastBefore(policy.openEnrollmentEnd, planYearStart), planYearStart };
}

function lastBefore(monthDay: string, before: string): string {
  const { year } = toParts(before);
  const sameYear = onDay(monthDay, year);
  return compareDates(sameYear, before) < 0 ? sameYear : onDay(monthDay, year - 1);
}

function onDay(monthDay: string, year: number): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return fromParts(year, month, day);
}
