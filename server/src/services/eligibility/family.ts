import { asc, eq, inArray, and } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Relationship } from '@shared/contract/schemas/member';
import { compareDates } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { coveragePeriods, members } from '../../store/schema';
import type { FamilyPeriod } from './retier';
import type { CoverageRow, MemberRow } from './snapshots';

export interface Family {
  subscriber: MemberRow;
  members: MemberRow[];
  periods: CoverageRow[];
}

/**
 * Loads the family of `memberId` (a subscriber or a dependent) with its rows locked until commit,
 * so two transactions on one family run one after the other and the version check means something.
 */
export async function lockFamily(tx: Db, groupNumber: string, memberId: string): Promise<{ family: Family; member: MemberRow }> {
  const [target] = await tx
    .select({ subscriberId: members.subscriberId })
    .from(members)
    .where(and(eq(members.groupNumber, groupNumber), eq(members.memberId, memberId)));
  if (!target) throw new ContractFailure('NOT_FOUND', `Member ${memberId} is not in group ${groupNumber}.`, { memberId: 'Not found in this group' });
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.groupNumber, groupNumber), eq(members.subscriberId, target.subscriberId)))
    .orderBy(asc(members.memberId))
    .for('update');
  const subscriber = rows.find((m) => m.memberId === target.subscriberId);
  const member = rows.find((m) => m.memberId === memberId);
  if (!subscriber || !member) throw new Error(`Family of ${memberId} changed while it was being locked`);
  const periods = await tx
    .select()
    .from(coveragePeriods)
    .where(inArray(coveragePeriods.memberId, rows.map((m) => m.memberId)))
    .orderBy(asc(coveragePeriods.startDate), asc(coveragePeriods.id));
  return { family: { subscriber, members: rows, periods }, member };
}

/** A period that was replaced on its first day (end before start) never covered anyone. */
export function inForce(p: { startDate: string; endDate: string | null }): boolean {
  return p.endDate === null || compareDates(p.endDate, p.startDate) >= 0;
}

/** The member's periods that were ever in force, oldest first. */
export function periodsOf(family: Family, memberId: string): CoverageRow[] {
  return family.periods.filter((p) => p.memberId === memberId && inForce(p));
}

/** The member's latest period (the current one, or the last before a termination). */
export function latestPeriod(family: Family, memberId: string): CoverageRow | undefined {
  const own = periodsOf(family, memberId);
  return own[own.length - 1];
}

export function familyPeriods(family: Family): FamilyPeriod[] {
  return family.periods.filter(inForce).map((p) => ({ ...p, tier: p.tier as FamilyPeriod['tier'] }));
}

export function relationshipsOf(family: Family): Map<string, Relationship> {
  return new Map(family.members.map((m) => [m.memberId, m.relationship as Relationship]));
}
