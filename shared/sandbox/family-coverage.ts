import type { CoverageTier, Plan } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { deriveCoverageTier } from '../domain/coverage-tier';
import type { CoverageRecord } from './types';

/**
 * A generated family's coverage history: the family is built as people with coverage bounds (day
 * numbers), then cut into periods wherever the plan or the derived tier changes.
 */

export const initialEnrollment = 'Initial enrollment';
const planChange = 'Plan change';

export type Gender = 'F' | 'M' | 'U';

/** A person of the family before it becomes a MemberRecord: coverage bounds as day numbers. */
export interface Person {
  relationship: Relationship;
  gender: Gender;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dob: number;
  /** IRC 6055: an SSN is collected when possible, often not yet for a newborn. */
  hasSsn: boolean;
  phone: string | null;
  email: string | null;
  start: number;
  /** Last covered day, or null while covered. */
  end: number | null;
  joinReason: string;
  /** Why coverage ended; empty while covered. */
  endReason: string;
}

export interface FamilyPeriod {
  start: number;
  end: number | null;
  plan: Plan;
  tier: CoverageTier;
  reason: string;
}

/**
 * The family's coverage periods: a new one wherever the plan or the tier changes. The tier on each
 * day is derived from who is enrolled that day (shared/domain coverage-tier rule). Changes dated
 * after today are not history yet and are left out.
 */
export function familyPeriods(
  family: readonly Person[],
  start: number,
  end: number | null,
  planChangeDay: number | null,
  firstPlan: Plan,
  secondPlan: Plan,
  todayDay: number,
): FamilyPeriod[] {
  const breaks = new Map<number, string>([[start, initialEnrollment]]);
  const last = Math.min(end ?? todayDay, todayDay);
  for (const person of family) {
    if (person.start > start && person.start <= last) breaks.set(person.start, person.joinReason);
    if (person.end !== null && person.end + 1 <= last && (end === null || person.end < end)) breaks.set(person.end + 1, person.endReason);
  }
  if (planChangeDay !== null) breaks.set(planChangeDay, planChange);
  const days = [...breaks.keys()].sort((a, b) => a - b);

  const periods: FamilyPeriod[] = [];
  for (const day of days) {
    const plan = planChangeDay !== null && day >= planChangeDay ? secondPlan : firstPlan;
    const enrolled = family.filter((p) => p.start <= day && (p.end === null || p.end >= day)).map((p) => p.relationship);
    const tier = deriveCoverageTier(enrolled);
    const previous = periods[periods.length - 1];
    if (previous && previous.plan === plan && previous.tier === tier) continue;
    if (previous) previous.end = day - 1;
    periods.push({ start: day, end, plan, tier, reason: breaks.get(day) ?? initialEnrollment });
  }
  return periods;
}

/**
 * One member's share of the family periods. The first period's reason is why the member joined; a
 * period that ends the member's coverage carries why it ended (e.g. "Termination of employment").
 */
export function memberCoverage(ctx: { day(epochDay: number): string }, person: Person, periods: readonly FamilyPeriod[]): CoverageRecord[] {
  const records: CoverageRecord[] = [];
  for (const period of periods) {
    const from = Math.max(period.start, person.start);
    const to = minEnd(period.end, person.end);
    if (to !== null && to < from) continue;
    records.push({
      planCode: period.plan.code,
      tier: period.tier,
      startDate: ctx.day(from),
      endDate: to === null ? null : ctx.day(to),
      reason: records.length === 0 ? person.joinReason : period.reason,
    });
  }
  const lastRecord = records[records.length - 1];
  if (lastRecord && person.end !== null) lastRecord.reason = person.endReason;
  return records;
}

function minEnd(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
