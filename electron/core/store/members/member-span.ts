import type { CoverageTier } from '@shared/contract/schemas/group';

export interface SpanPeriod {
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
  /** Tie-break between periods starting the same day: the later written wins (the plan's period id). */
  order: number;
}

export interface MemberSpan {
  planCode: string;
  tier: CoverageTier;
  effectiveDate: string;
  terminationDate: string | null;
}

/**
 * The plan, tier and dates the roster shows for a member, as the plan's roster reads them: periods
 * replaced on their first day (ending before they start) never were in force and do not count; the
 * latest period in force gives plan, tier and termination date, the earliest its effective date.
 */
export function memberSpan(periods: readonly SpanPeriod[]): MemberSpan {
  const inForce = periods.filter((p) => p.endDate === null || p.endDate >= p.startDate);
  const candidates = inForce.length > 0 ? inForce : periods;
  let latest: SpanPeriod | undefined;
  let effectiveDate: string | undefined;
  for (const p of candidates) {
    if (latest === undefined || p.startDate > latest.startDate || (p.startDate === latest.startDate && p.order > latest.order)) latest = p;
    if (effectiveDate === undefined || p.startDate < effectiveDate) effectiveDate = p.startDate;
  }
  if (latest === undefined || effectiveDate === undefined) throw new RangeError('A member has at least one coverage period');
  // Only when every period was replaced on its first day: the member never was covered; keep the row valid.
  const terminationDate = latest.endDate !== null && latest.endDate < effectiveDate ? effectiveDate : latest.endDate;
  return { planCode: latest.planCode, tier: latest.tier, effectiveDate, terminationDate };
}
