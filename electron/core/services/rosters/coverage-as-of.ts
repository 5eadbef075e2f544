import type { CoverageTier } from '@shared/contract/schemas/group';
import { addDays, compareDates } from '@shared/util/dates';

export interface CoveragePeriod {
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
}

export interface CoverageAsOf {
  planCode: string;
  tier: CoverageTier;
  /** The start of the unbroken run of periods the chosen period belongs to (a plan or tier change does not restart coverage). */
  effectiveDate: string;
  /** The end of that run; null while it is open. */
  terminationDate: string | null;
}

/**
 * The coverage a roster as of `asOf` shows for one member, from their history (oldest first): the
 * period in force on that day, or else the next one to start (a pending member). Null when every
 * period ended before `asOf`: the member was not on the roster that day. A period the plan replaced
 * on its first day (it ends the day before it starts) never was in force and is skipped.
 */
export function coverageAsOf(periods: readonly CoveragePeriod[], asOf: string): CoverageAsOf | null {
  // Most members have one period: the same answer as below without its arrays (a roster download asks 250,000 times).
  if (periods.length === 1) {
    const only = periods[0] as CoveragePeriod;
    if (only.endDate !== null && (compareDates(only.endDate, only.startDate) < 0 || compareDates(only.endDate, asOf) < 0)) return null;
    return { planCode: only.planCode, tier: only.tier, effectiveDate: only.startDate, terminationDate: only.endDate };
  }
  const real = periods.filter((p) => p.endDate === null || compareDates(p.endDate, p.startDate) >= 0);
  const index = real.findIndex((p) => p.endDate === null || compareDates(p.endDate, asOf) >= 0);
  const chosen = real[index];
  if (chosen === undefined) return null;
  let first = index;
  while (first > 0 && continues(real[first - 1], real[first])) first -= 1;
  let last = index;
  while (last < real.length - 1 && continues(real[last], real[last + 1])) last += 1;
  return {
    planCode: chosen.planCode,
    tier: chosen.tier,
    effectiveDate: real[first]?.startDate ?? chosen.startDate,
    terminationDate: real[last]?.endDate ?? null,
  };
}

/** `next` carries on from `previous` without a day's gap. */
function continues(previous: CoveragePeriod | undefined, next: CoveragePeriod | undefined): boolean {
  if (previous === undefined || next === undefined || previous.endDate === null) return false;
  return compareDates(next.startDate, addDays(previous.endDate, 1)) <= 0;
}
