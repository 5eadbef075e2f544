import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { RosterDiffRow, rosterChangeKinds } from '@shared/contract/methods/roster-history';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { planNames } from '../../../store/repositories/groups-repository';
import { statement } from '../../../store/statements';
import { inForceOn } from './coverage-in-force';

export type RosterChange = (typeof rosterChangeKinds)[number];

export interface DiffRange {
  groupNumber: string;
  from: string;
  to: string;
}

interface DiffSqlRow {
  member_id: string;
  subscriber_id: string;
  relationship: Relationship;
  first_name: string;
  last_name: string;
  change: RosterChange;
  from_plan: string | null;
  from_tier: CoverageTier | null;
  from_end: string | null;
  to_plan: string | null;
  to_tier: CoverageTier | null;
  to_start: string | null;
}

/**
 * Every member of the group with the period in force on @from and the one in force on @to, each found
 * through coverage_periods_by_member (member_ref, start_date). Only coverage is compared: the replica
 * keeps a member's details as they are today, not as they were, so a change of name or address
 * between the two dates cannot be told.
 */
const differences = `
  SELECT m.member_id, m.subscriber_id, m.relationship, m.first_name, m.last_name,
    CASE WHEN f.id IS NULL THEN 'added' WHEN t.id IS NULL THEN 'terminated' ELSE 'changed' END AS change,
    f.plan_code AS from_plan, f.tier AS from_tier, f.end_date AS from_end,
    t.plan_code AS to_plan, t.tier AS to_tier, t.start_date AS to_start
  FROM members m
  LEFT JOIN coverage_periods f ON f.member_ref = m.id AND ${inForceOn('f', 'from')}
  LEFT JOIN coverage_periods t ON t.member_ref = m.id AND ${inForceOn('t', 'to')}
  WHERE m.group_number = @group
    AND (f.id IS NOT NULL OR t.id IS NOT NULL)
    AND (f.id IS NULL OR t.id IS NULL OR f.plan_code <> t.plan_code OR f.tier <> t.tier)`;

/**
 * The counts need no member details: one pass over the group's periods that touch the range, each
 * member's coverage on @from and on @to folded into `plan tier` (null when not covered). Measured on
 * 240,000 members it is seven times faster than counting the rows of the list's query.
 */
const countsSql = `
  SELECT CASE WHEN on_from IS NULL THEN 'added' WHEN on_to IS NULL THEN 'terminated' ELSE 'changed' END AS change, count(*) AS n
  FROM (
    SELECT max(CASE WHEN ${inForceOn('c', 'from')} THEN c.plan_code || ' ' || c.tier END) AS on_from,
      max(CASE WHEN ${inForceOn('c', 'to')} THEN c.plan_code || ' ' || c.tier END) AS on_to
    FROM coverage_periods c
    WHERE c.group_number = @group AND c.start_date <= @to AND (c.end_date IS NULL OR c.end_date >= @from)
    GROUP BY c.member_ref)
  WHERE on_from IS NOT on_to
  GROUP BY 1`;

// Name order, as the roster lists members; the member ID makes the order total so pages never overlap.
const pageSql = `
  SELECT * FROM (${differences}) WHERE @change IS NULL OR change = @change
  ORDER BY last_name, first_name, member_id LIMIT @limit OFFSET @offset`;

// The export reads in name order too, resuming after the last row it wrote (no OFFSET to rescan).
const afterSql = `
  SELECT * FROM (${differences}) WHERE (last_name, first_name, member_id) > (@lastName, @firstName, @memberId)
  ORDER BY last_name, first_name, member_id LIMIT @limit`;

/** VALIDATION unless `from` is on or before `to`: a diff runs forward in time. */
export function checkRange(range: DiffRange): void {
  if (range.from > range.to) {
    throw new ContractFailure('VALIDATION', `The start date (${range.from}) must be on or before the end date (${range.to}).`, {
      from: 'Choose a date on or before the end date.',
    });
  }
}

const params = (range: DiffRange) => ({ group: range.groupNumber, from: range.from, to: range.to });

export function diffCounts(db: Database, range: DiffRange): Record<RosterChange, number> {
  const counts: Record<RosterChange, number> = { added: 0, terminated: 0, changed: 0 };
  for (const row of statement(db, countsSql).all(params(range)) as { change: RosterChange; n: number }[]) counts[row.change] = row.n;
  return counts;
}

/** Turns plan codes into the names the group's plans carry, and a SQL row into what a user reads. */
export function diffRowReader(db: Database, groupNumber: string): (row: DiffSqlRow) => RosterDiffRow {
  const names = new Map(planNames(db, groupNumber).map((p) => [p.code, p.name]));
  const plan = (code: string | null) => (code === null ? '' : (names.get(code) ?? code));
  const tier = (code: CoverageTier | null) => (code === null ? '' : coverageTierLabels[code]);
  return (row) => {
    const details: string[] = [];
    if (row.change === 'added') {
      details.push(`Coverage began ${row.to_start ?? ''}`, `Plan: ${plan(row.to_plan)}`, `Tier: ${tier(row.to_tier)}`);
    } else if (row.change === 'terminated') {
      details.push(`Coverage ended ${row.from_end ?? ''}`, `Plan: ${plan(row.from_plan)}`);
    } else {
      if (row.from_plan !== row.to_plan) details.push(`Plan: ${plan(row.from_plan)} → ${plan(row.to_plan)}`);
      if (row.from_tier !== row.to_tier) details.push(`Tier: ${tier(row.from_tier)} → ${tier(row.to_tier)}`);
      details.push(`New coverage from ${row.to_start ?? ''}`);
    }
    return {
      memberId: row.member_id,
      subscriberId: row.subscriber_id,
      relationship: row.relationship,
      name: `${row.last_name}, ${row.first_name}`,
      change: row.change,
      details,
    };
  };
}

export function diffPage(db: Database, range: DiffRange, page: { change: RosterChange | undefined; offset: number; limit: number }): RosterDiffRow[] {
  const read = diffRowReader(db, range.groupNumber);
  const rows = statement(db, pageSql).all({ ...params(range), change: page.change ?? null, offset: page.offset, limit: page.limit }) as DiffSqlRow[];
  return rows.map(read);
}

/**
 * Every difference in name order, `batch` rows per query. Each batch is its own statement run, so
 * the connection is free between batches for other calls while an export waits on its file.
 */
export function* diffBatches(db: Database, range: DiffRange, batch: number): Generator<RosterDiffRow[]> {
  const read = diffRowReader(db, range.groupNumber);
  let after = { lastName: '', firstName: '', memberId: '' };
  for (;;) {
    const rows = statement(db, afterSql).all({ ...params(range), ...after, limit: batch }) as DiffSqlRow[];
    if (rows.length === 0) return;
    yield rows.map(read);
    const last = rows[rows.length - 1] as DiffSqlRow;
    after = { lastName: last.last_name, firstName: last.first_name, memberId: last.member_id };
    if (rows.length < batch) return;
  }
}
