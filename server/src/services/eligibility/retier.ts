import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { addDays, compareDates, maxDate } from '@shared/util/dates';

export interface FamilyPeriod {
  id: number;
  memberId: string;
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
  reason: string;
}

export interface NewPeriod {
  memberId: string;
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
  reason: string;
}

export interface RetierPlan {
  /** Periods to end-date (end before start marks a period superseded on its first day). */
  endings: { id: number; endDate: string; endReason: string }[];
  inserts: NewPeriod[];
}

export const tierChangeReason = 'Benefit selection (coverage tier change)';

/**
 * Re-derives the tier (834 HD05) of every family period from `from` on, after an add, termination
 * or reinstatement changed who is enrolled (carrier policy: recompute after every add or termination).
 * A period whose tier changes part-way is end-dated the day before and the rest inserted as new
 * periods; nothing is rewritten, so the tier billed on any past day stays answerable.
 */
export function retierFamily(periods: readonly FamilyPeriod[], relationships: ReadonlyMap<string, Relationship>, from: string): RetierPlan {
  const live = periods.filter((p) => p.endDate === null || compareDates(p.endDate, from) >= 0).filter((p) => p.endDate === null || compareDates(p.endDate, p.startDate) >= 0);
  // The tier can only change where someone's coverage starts or ends.
  const boundaries = new Set<string>([from]);
  for (const p of live) {
    if (compareDates(p.startDate, from) > 0) boundaries.add(p.startDate);
    if (p.endDate !== null) boundaries.add(addDays(p.endDate, 1));
  }
  const tierOn = (day: string): CoverageTier =>
    deriveCoverageTier(live.filter((p) => covers(p, day)).map((p) => relationships.get(p.memberId) ?? 'subscriber'));

  const sorted = [...boundaries].sort(compareDates);
  const plan: RetierPlan = { endings: [], inserts: [] };
  for (const p of live) {
    const start = maxDate(p.startDate, from);
    const cuts = sorted.filter((d) => compareDates(d, start) > 0 && (p.endDate === null || compareDates(d, p.endDate) <= 0));
    const pieces: { startDate: string; endDate: string | null; tier: CoverageTier }[] = [];
    for (const [i, pieceStart] of [start, ...cuts].entries()) {
      const next = cuts[i];
      const tier = tierOn(pieceStart);
      const last = pieces[pieces.length - 1];
      if (last && last.tier === tier) {
        last.endDate = next === undefined ? p.endDate : addDays(next, -1);
        continue;
      }
      if (last) last.endDate = addDays(pieceStart, -1);
      pieces.push({ startDate: pieceStart, endDate: next === undefined ? p.endDate : addDays(next, -1), tier });
    }
    // Before `from` the period stands as it is; a leading piece with the period's own tier keeps it too.
    const first = pieces[0];
    const keepsHead = compareDates(p.startDate, from) < 0 || (first !== undefined && first.tier === p.tier);
    const changed = keepsHead ? pieces.filter((piece, i) => !(i === 0 && piece.tier === p.tier)) : pieces;
    if (changed.length === 0) continue;
    const firstChanged = changed[0] as (typeof changed)[number];
    plan.endings.push({ id: p.id, endDate: addDays(firstChanged.startDate, -1), endReason: tierChangeReason });
    for (const piece of changed) {
      plan.inserts.push({ memberId: p.memberId, planCode: p.planCode, tier: piece.tier, startDate: piece.startDate, endDate: piece.endDate, reason: tierChangeReason });
    }
  }
  return plan;
}

function covers(p: { startDate: string; endDate: string | null }, day: string): boolean {
  return compareDates(p.startDate, day) <= 0 && (p.endDate === null || compareDates(day, p.endDate) <= 0);
}
