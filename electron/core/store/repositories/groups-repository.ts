import type { Database } from 'better-sqlite3';
import type { Address, EnrollmentPartner, Group, GroupPolicy, Plan, PlanCostSharing, TierRates } from '@shared/contract/schemas/group';
import { coverageTiers } from '@shared/contract/schemas/group';
import type { Role } from '@shared/contract/roles';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { statement } from '../statements';
import { readPlanContacts, savePlanContacts } from './settings-repository';

/**
 * Writes a group as the plan describes it: the row with the plan's member services phone, its plans
 * with their cost sharing, and the rates in force from `ratesEffective`. Runs inside the caller's transaction.
 */
export function saveGroup(db: Database, group: Group, ratesEffective: string, now: string): void {
  statement(
    db,
    `INSERT INTO groups (group_number, name, region, address, policy, member_services_phone, enrollment_partner, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (group_number) DO UPDATE SET name = excluded.name, region = excluded.region, address = excluded.address,
       policy = excluded.policy, member_services_phone = excluded.member_services_phone, enrollment_partner = excluded.enrollment_partner,
       updated_at = excluded.updated_at`,
  ).run(
    group.groupNumber,
    group.name,
    group.region,
    JSON.stringify(group.address),
    JSON.stringify(group.policy),
    group.memberServicesPhone ?? null,
    group.enrollmentPartner === undefined ? null : JSON.stringify(group.enrollmentPartner),
    now,
  );
  savePlanContacts(
    db,
    group.groupNumber,
    { ...(group.serviceTeam ? { serviceTeam: group.serviceTeam } : {}), ...(group.accountSetupPhone ? { accountSetupPhone: group.accountSetupPhone } : {}) },
    now,
  );
  const savePlan = statement(
    db,
    `INSERT INTO plans (group_number, plan_code, name, kind, position, cost_sharing) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (group_number, plan_code) DO UPDATE SET name = excluded.name, kind = excluded.kind, position = excluded.position,
       cost_sharing = excluded.cost_sharing`,
  );
  const saveRate = statement(
    db,
    `INSERT INTO plan_rates (group_number, plan_code, tier, effective_date, monthly_cents) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (group_number, plan_code, tier, effective_date) DO UPDATE SET monthly_cents = excluded.monthly_cents`,
  );
  group.plans.forEach((plan, position) => {
    savePlan.run(group.groupNumber, plan.code, plan.name, plan.kind, position, plan.costSharing === undefined ? null : JSON.stringify(plan.costSharing));
    for (const tier of coverageTiers) saveRate.run(group.groupNumber, plan.code, tier, ratesEffective, plan.rates[tier]);
  });
}

interface GroupRow {
  group_number: string;
  name: string;
  region: string;
  address: string;
  policy: string;
  member_services_phone: string | null;
  enrollment_partner: string | null;
}

interface PlanRow {
  plan_code: string;
  name: string;
  kind: Plan['kind'];
  cost_sharing: string | null;
}

/** A group with each plan's rates in force on `today` (the latest that started on or before it). */
export function findGroup(db: Database, groupNumber: string, today: string): Group | null {
  const row = statement(db, 'SELECT group_number, name, region, address, policy, member_services_phone, enrollment_partner FROM groups WHERE group_number = ?').get(groupNumber) as GroupRow | undefined;
  if (row === undefined) return null;
  const plans = statement(db, 'SELECT plan_code, name, kind, cost_sharing FROM plans WHERE group_number = ? ORDER BY position').all(groupNumber) as PlanRow[];
  const rateOf = statement(
    db,
    `SELECT monthly_cents FROM plan_rates WHERE group_number = ? AND plan_code = ? AND tier = ? AND effective_date <= ?
     ORDER BY effective_date DESC LIMIT 1`,
  ).pluck();
  return {
    groupNumber: row.group_number,
    name: row.name,
    region: row.region,
    address: JSON.parse(row.address) as Address,
    // A group saved before a policy value existed has the plan's default for it until the next
    // account sync brings the group's own (the plan backfills the same defaults).
    policy: { ...defaultGroupPolicy, ...(JSON.parse(row.policy) as Partial<GroupPolicy>) },
    plans: plans.map((plan) => {
      const rates = Object.fromEntries(coverageTiers.map((tier) => [tier, Number(rateOf.get(groupNumber, plan.plan_code, tier, today) ?? 0)])) as TierRates;
      return { code: plan.plan_code, name: plan.name, kind: plan.kind, rates, ...(plan.cost_sharing === null ? {} : { costSharing: JSON.parse(plan.cost_sharing) as PlanCostSharing }) };
    }),
    ...(row.member_services_phone === null ? {} : { memberServicesPhone: row.member_services_phone }),
    ...(row.enrollment_partner === null ? {} : { enrollmentPartner: JSON.parse(row.enrollment_partner) as EnrollmentPartner }),
    ...readPlanContacts(db, groupNumber),
  };
}

export interface GroupListRow {
  groupNumber: string;
  name: string;
  region: string;
  activeMembers: number;
  role: Role;
  balanceCents: number | null;
  balanceDueDate: string | null;
}

/**
 * The groups this user holds a role in, by name, with their role and the balance the plan last
 * reported. Nobody signed in (`userRef` null) sees none: a replica left by a signed-out user stays
 * on disk but is not listed.
 */
export function listGroups(db: Database, today: string, userRef: number | null): GroupListRow[] {
  if (userRef === null) return [];
  return statement(
    db,
    `SELECT g.group_number AS groupNumber, g.name, g.region, ug.role, g.balance_cents AS balanceCents, g.balance_due_date AS balanceDueDate,
       (SELECT coalesce(sum(t.n), 0) FROM member_tallies t WHERE t.group_number = g.group_number AND t.effective_date <= @today
          AND t.termination_date >= @today) AS activeMembers
     FROM groups g JOIN user_groups ug ON ug.group_number = g.group_number AND ug.user_id = @userRef
     ORDER BY g.name COLLATE NOCASE, g.group_number`,
  ).all({ today, userRef }) as GroupListRow[];
}

export function planNames(db: Database, groupNumber: string): { code: string; name: string }[] {
  return statement(db, 'SELECT plan_code AS code, name FROM plans WHERE group_number = ? ORDER BY position').all(groupNumber) as { code: string; name: string }[];
}
