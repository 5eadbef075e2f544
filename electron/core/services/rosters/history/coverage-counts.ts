import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { memberCounts } from '@shared/contract/methods/roster-history';
import { coverageTiers, type CoverageTier } from '@shared/contract/schemas/group';
import { addMonths, firstOfMonth } from '@shared/util/dates';
import { planNames } from '../../../store/repositories/groups-repository';
import { statement } from '../../../store/statements';
import { inForceOn } from './coverage-in-force';

type MemberCounts = z.infer<typeof memberCounts>;

interface CountRow {
  subscriber: 0 | 1;
  tier: CoverageTier;
  plan_code: string;
  n: number;
}

/**
 * Members with a coverage period in force on @asOf, counted by SQL per (subscriber or not, tier, plan):
 * at most 2 × 4 × plans rows whatever the roster's size. Starting from the group's members (an index
 * on group_number) and reaching each one's period through coverage_periods_by_member keeps the work
 * to the group's own rows.
 */
const countsSql = `
  SELECT m.relationship = 'subscriber' AS subscriber, c.tier, c.plan_code, count(*) AS n
  FROM members m
  JOIN coverage_periods c ON c.member_ref = m.id AND ${inForceOn('c', 'asOf')}
  WHERE m.group_number = @group
  GROUP BY 1, 2, 3`;

/** Subscribers and dependents covered on `asOf`; subscribers by tier (the contracts an invoice bills), everyone by plan. */
export function coverageCounts(db: Database, groupNumber: string, asOf: string): MemberCounts {
  const rows = statement(db, countsSql).all({ group: groupNumber, asOf }) as CountRow[];
  const byTier = new Map(coverageTiers.map((tier) => [tier, 0]));
  const byPlan = new Map(planNames(db, groupNumber).map((p) => [p.code, { planCode: p.code, planName: p.name, members: 0 }]));
  let subscribers = 0;
  let dependents = 0;
  for (const row of rows) {
    if (row.subscriber === 1) {
      subscribers += row.n;
      byTier.set(row.tier, (byTier.get(row.tier) ?? 0) + row.n);
    } else {
      dependents += row.n;
    }
    const plan = byPlan.get(row.plan_code) ?? { planCode: row.plan_code, planName: row.plan_code, members: 0 };
    plan.members += row.n;
    byPlan.set(row.plan_code, plan);
  }
  return {
    asOf,
    subscribers,
    dependents,
    byTier: [...byTier].map(([tier, n]) => ({ tier, subscribers: n })),
    byPlan: [...byPlan.values()],
  };
}

export interface TrendPoint {
  month: string;
  asOf: string;
  subscribers: number;
  dependents: number;
}

/**
 * The first days of the months, as a VALUES list in one query: each member's periods are read once
 * (through the member index) and matched against every month, instead of a query per month.
 */
const trendSql = (months: number) => `
  WITH days(day) AS (VALUES ${Array.from({ length: months }, (_, i) => `(@d${i})`).join(', ')})
  SELECT d.day AS asOf, sum(m.relationship = 'subscriber') AS subscribers, sum(m.relationship <> 'subscriber') AS dependents
  FROM members m
  JOIN coverage_periods c ON c.member_ref = m.id
  JOIN days d ON c.start_date <= d.day AND (c.end_date IS NULL OR c.end_date >= d.day)
  WHERE m.group_number = @group
  GROUP BY d.day`;

/** The first of each of the `months` months up to and including `through`'s month, oldest first. */
export function trendDays(through: string, months: number): string[] {
  const last = firstOfMonth(through);
  return Array.from({ length: months }, (_, i) => addMonths(last, i - months + 1));
}

/** Subscribers and dependents covered on the first of each month; a month nobody was covered shows zeros. */
export function coverageTrend(db: Database, groupNumber: string, through: string, months: number): TrendPoint[] {
  const days = trendDays(through, months);
  const params: Record<string, string> = { group: groupNumber };
  days.forEach((day, i) => (params[`d${i}`] = day));
  const rows = statement(db, trendSql(months)).all(params) as { asOf: string; subscribers: number; dependents: number }[];
  const byDay = new Map(rows.map((r) => [r.asOf, r]));
  return days.map((day) => ({ month: day.slice(0, 7), asOf: day, subscribers: byDay.get(day)?.subscribers ?? 0, dependents: byDay.get(day)?.dependents ?? 0 }));
}
