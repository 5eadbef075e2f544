import type { Database } from 'better-sqlite3';
import type { MembershipCounts } from '@shared/contract/methods/dashboard';
import { coverageTiers, type CoverageTier } from '@shared/contract/schemas/group';
import type { MemberStatus } from '@shared/contract/schemas/member';
import { visibleSince } from '@shared/domain/member-status';
import { planNames } from '../../store/repositories/groups-repository';
import { statement } from '../../store/statements';

interface CountRow {
  plan_code: string;
  tier: CoverageTier;
  subscriber: number;
  status: MemberStatus;
  n: number;
}

type Headcount = { subscribers: number; dependents: number; total: number };
const zero = (): Headcount => ({ subscribers: 0, dependents: 0, total: 0 });
const add = (h: Headcount, subscriber: boolean, n: number) => {
  if (subscriber) h.subscribers += n;
  else h.dependents += n;
  h.total += n;
};

/**
 * Headcounts of the visible roster as of `today`, summed from the group's member tallies (a few
 * thousand rows however large the group; store/migrations/0003_member_tallies.ts).
 * By plan and by tier count covered (active) members only; each member carries its family's tier,
 * so by tier `subscribers` is the number of contracts an invoice bills and `members` everyone on them.
 */
export function membershipCounts(db: Database, groupNumber: string, today: string, asOf: string): MembershipCounts {
  const rows = statement(
    db,
    `SELECT m.plan_code, m.tier, m.relationship = 'subscriber' AS subscriber,
       CASE WHEN m.effective_date > @today THEN 'pending' WHEN m.termination_date < @today THEN 'terminated' ELSE 'active' END AS status,
       sum(m.n) AS n
     FROM member_tallies m
     -- Tallies hold an open-ended span as 9999-12-31, so this also keeps members still covered.
     WHERE m.group_number = @group AND m.termination_date >= @visibleSince
     GROUP BY 1, 2, 3, 4`,
  ).all({ group: groupNumber, today, visibleSince: visibleSince(today) }) as CountRow[];

  const byStatus: Record<MemberStatus, Headcount> = { active: zero(), pending: zero(), terminated: zero() };
  const plans = planNames(db, groupNumber);
  const byPlan = new Map(plans.map((p) => [p.code, { ...zero(), planCode: p.code, planName: p.name }]));
  const byTier = new Map(coverageTiers.map((tier) => [tier, { tier, subscribers: 0, members: 0 }]));
  for (const row of rows) {
    const subscriber = row.subscriber === 1;
    add(byStatus[row.status], subscriber, row.n);
    if (row.status !== 'active') continue;
    let plan = byPlan.get(row.plan_code);
    if (plan === undefined) {
      plan = { ...zero(), planCode: row.plan_code, planName: row.plan_code };
      byPlan.set(row.plan_code, plan);
    }
    add(plan, subscriber, row.n);
    const tier = byTier.get(row.tier);
    if (tier !== undefined) {
      tier.members += row.n;
      if (subscriber) tier.subscribers += row.n;
    }
  }
  return { groupNumber, asOf, ...byStatus, byPlan: [...byPlan.values()], byTier: [...byTier.values()] };
}
