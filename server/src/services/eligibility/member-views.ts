import { asc, inArray } from 'drizzle-orm';
import { coverageSpan, memberStatusOn } from '@shared/domain/member-status';
import type { MemberView } from '@shared/plan-api/members';
import type { Db } from '../../store/db';
import { coveragePeriods, members } from '../../store/schema';
import { inForce } from './family';
import { coverageSnapshot, memberSnapshot, type CoverageRow, type MemberRow } from './snapshots';

/** Snapshot plus status as of `today` and the coverage history that was ever in force. */
export function memberView(row: MemberRow, periods: readonly CoverageRow[], today: string): MemberView {
  const history = periods.filter(inForce);
  const { effectiveDate, terminationDate } = coverageSpan(history);
  return { ...memberSnapshot(row), status: memberStatusOn(effectiveDate, terminationDate, today), coverage: history.map(coverageSnapshot) };
}

/** Views of the given member rows, in the order given, with one query for all their coverage. */
export async function memberViews(db: Db, rows: readonly MemberRow[], today: string): Promise<MemberView[]> {
  if (rows.length === 0) return [];
  const periods = await db
    .select()
    .from(coveragePeriods)
    .where(
      inArray(
        coveragePeriods.memberId,
        rows.map((r) => r.memberId),
      ),
    )
    .orderBy(asc(coveragePeriods.startDate), asc(coveragePeriods.id));
  const byMember = new Map<string, CoverageRow[]>();
  for (const p of periods) {
    const list = byMember.get(p.memberId);
    if (list) list.push(p);
    else byMember.set(p.memberId, [p]);
  }
  return rows.map((r) => memberView(r, byMember.get(r.memberId) ?? [], today));
}

export async function memberViewsById(db: Db, memberIds: readonly string[], today: string): Promise<MemberView[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.select().from(members).where(inArray(members.memberId, [...memberIds]));
  const byId = new Map(rows.map((r) => [r.memberId, r]));
  return memberViews(
    db,
    memberIds.flatMap((id) => byId.get(id) ?? []),
    today,
  );
}
