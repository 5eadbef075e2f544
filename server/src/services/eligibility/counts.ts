import { sql } from 'drizzle-orm';
import type { CoverageTier } from '@shared/contract/schemas/group';
import { coverageTiers } from '@shared/contract/schemas/group';
import { relationships, type MemberStatus, type Relationship } from '@shared/contract/schemas/member';
import { visibleSince } from '@shared/domain/member-status';
import type { GroupCounts } from '@shared/plan-api/members';
import type { Db } from '../../store/db';
import { memberSpans } from './roster-query';

type CountRow = {
  status: MemberStatus;
  plan_code: string;
  tier: CoverageTier;
  relationship: Relationship;
  n: string | number;
};

/**
 * Live membership counts, straight from the system of record. Active members are broken down by
 * plan, tier and relationship; terminated members count while they stay visible (two years).
 */
export async function membershipCounts(db: Db, groupNumber: string, planNames: ReadonlyMap<string, string>, now: Date): Promise<GroupCounts> {
  const today = now.toISOString().slice(0, 10);
  const result = await db.execute<CountRow>(sql`
    SELECT status, plan_code, tier, relationship, count(*) AS n
    FROM (${memberSpans(groupNumber, today)}) spans
    WHERE termination_date IS NULL OR termination_date >= ${visibleSince(today)}::date
    GROUP BY status, plan_code, tier, relationship`);
  const headcount = () => ({ subscribers: 0, dependents: 0, total: 0 });
  const byStatus = { active: headcount(), pending: headcount(), terminated: headcount() };
  const byPlan = new Map<string, ReturnType<typeof headcount>>();
  const byTier = new Map<CoverageTier, { subscribers: number; members: number }>(coverageTiers.map((t) => [t, { subscribers: 0, members: 0 }]));
  const byRelationship = new Map<Relationship, number>(relationships.map((r) => [r, 0]));
  for (const row of result.rows) {
    const n = Number(row.n);
    const isSubscriber = row.relationship === 'subscriber';
    add(byStatus[row.status], n, isSubscriber);
    if (row.status !== 'active') continue;
    const plan = byPlan.get(row.plan_code) ?? headcount();
    add(plan, n, isSubscriber);
    byPlan.set(row.plan_code, plan);
    const tier = byTier.get(row.tier);
    if (tier) {
      tier.members += n;
      if (isSubscriber) tier.subscribers += n;
    }
    byRelationship.set(row.relationship, (byRelationship.get(row.relationship) ?? 0) + n);
  }
  return {
    groupNumber,
    asOf: now.toISOString(),
    ...byStatus,
    byPlan: [...new Set([...planNames.keys(), ...byPlan.keys()])].sort().map((planCode) => ({ planCode, planName: planNames.get(planCode) ?? planCode, ...(byPlan.get(planCode) ?? headcount()) })),
    byTier: [...byTier].map(([tier, c]) => ({ tier, ...c })),
    byRelationship: [...byRelationship].map(([relationship, members]) => ({ relationship, members })),
  };
}

function add(h: { subscribers: number; dependents: number; total: number }, n: number, isSubscriber: boolean): void {
  if (isSubscriber) h.subscribers += n;
  else h.dependents += n;
  h.total += n;
}
