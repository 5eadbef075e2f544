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
 * at most 2 × 4 × plans rows whatever the roster's size.
 *
 * The join order is forced (CROSS JOIN): reading coverage_periods in rowid order and each member by
 * its primary key walks both tables nearly in step, since a member and their coverage are written
 * together. Measured on 240,000 members this takes a fifth of the time of going through the members'
 * group index and coverage_periods_by_member, and no extra index made it faster.
 */
const countsSql = `
  SELECT m.relationship = 'subscriber' AS subscriber, c.tier, c.plan_code, count(*) AS n
  FROM coverage_periods c CROSS JOIN members m ON m.id = c.member_ref
  WHERE c.group_number = @group AND ${inForceOn('c', 'asOf')}
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
 * One pass over the group's coverage for all the months: a sum per month of the periods in force on
 * its first day, for subscribers and for dependents (two result rows). Joining a table of days instead
 * sorted every (period, month) pair and took twenty times as long.
 */
const trendSql = (months: number) => `
  SELECT m.relationship = 'subscriber' AS subscriber,
    ${Array.from({ length: months }, (_, i) => `sum(${inForceOn('c', `d${i}`)}) AS n${i}`).join(',\n    ')}
  FROM coverage_periods c CROSS JOIN members m ON m.id = c.member_ref
  WHERE c.group_number = @group
  GROUP BY 1`;

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
  const rows = statement(db, trendSql(months)).all(params) as ({ subscriber: 0 | 1 } & Record<string, number>)[];
  const subscribers = rows.find((r) => r.subscriber === 1);
  const dependents = rows.find((r) => r.subscriber === 0);
  return days.map((day, i) => ({ month: day.slice(0, 7), asOf: day, subscribers: subscribers?.[`n${i}`] ?? 0, dependents: dependents?.[`n${i}`] ?? 0 }));
}
