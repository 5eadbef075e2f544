import type { MemberStatus } from '../contract/schemas/member';
import { addYears, compareDates } from '../util/dates';

/**
 * Status as of `today` (shared/contract/schemas/member.ts): pending before the effective date,
 * terminated after the termination date (an inclusive last covered day, as in the 834), active between.
 */
export function memberStatusOn(effectiveDate: string, terminationDate: string | null, today: string): MemberStatus {
  if (compareDates(today, effectiveDate) < 0) return 'pending';
  if (terminationDate !== null && compareDates(today, terminationDate) > 0) return 'terminated';
  return 'active';
}

/** Terminated members stay visible read-only for this many years (docs/architecture.md#domain-rules). */
export const terminatedVisibleYears = 2;

/** Earliest termination date still visible today; a store can filter `terminationDate >= visibleSince(today)`. */
export function visibleSince(today: string): string {
  return addYears(today, -terminatedVisibleYears);
}

export function isVisible(terminationDate: string | null, today: string): boolean {
  return terminationDate === null || compareDates(terminationDate, visibleSince(today)) >= 0;
}

/** The member's span over all coverage periods (oldest first): first start and the last period's end. */
export function coverageSpan(periods: readonly { startDate: string; endDate: string | null }[]): { effectiveDate: string; terminationDate: string | null } {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new RangeError('A member has at least one coverage period');
  return { effectiveDate: first.startDate, terminationDate: last.endDate };
}
