import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { Relationship } from '@shared/contract/schemas/member';
import type { Plan } from '@shared/contract/schemas/group';
import { familyMonthCharge, type BillableCoverage, type MonthCharge } from '@shared/domain/month-billing';
import { compareDates, endOfMonth } from '@shared/util/dates';
import { findGroup } from '../../store/repositories/groups-repository';
import { statement } from '../../store/statements';

/** One family (contract) of the local roster as the month's invoice would bill it. */
export interface RosterFamily {
  subscriberId: string;
  /** The subscriber's name as the plan prints it on a line: first, middle initial, last, suffix. */
  name: string;
  /** What the month costs per the roster; null when nobody in the family is billed that month. */
  charge: MonthCharge | null;
  /** The family's last covered day when all its coverage ends on or before the month's last day. */
  coverageEnd: string | null;
  /** A member of the family carries a local change the plan has not accepted yet. */
  pending: boolean;
}

export interface RosterMonth {
  periodStart: string;
  families: Map<string, RosterFamily>;
  /** The group's plans with the rates in force on the month's first day. */
  plans: readonly Plan[];
}

interface FamilyRows {
  name: string;
  coverage: BillableCoverage[];
  pending: boolean;
}

interface CoverageRow {
  subscriberId: string;
  memberId: string;
  relationship: Relationship;
  dateOfBirth: string;
  disabled: number;
  pending: number;
  name: string | null;
  planCode: string;
  startDate: string;
  endDate: string | null;
}

/**
 * The local roster's charges for the month starting `periodStart`, family by family, with the very
 * rules the plan bills with (familyMonthCharge). Local changes are already applied to members and
 * coverage_periods while they wait for the plan, so pending changes count as the roster shows them.
 * One statement streams the group's coverage, so a 250,000-family group costs one pass and no
 * query per family.
 */
export function rosterMonthCharges(db: Database, groupNumber: string, periodStart: string): RosterMonth {
  // Rates change at renewal: the month is priced with the rates in force on its first day.
  const group = findGroup(db, groupNumber, periodStart);
  if (group === null) throw new ContractFailure('NOT_FOUND', `There is no group ${groupNumber} on this computer.`);
  const monthEnd = endOfMonth(periodStart);

  // Grouped by family here rather than sorted by SQL: a sort of the whole group's coverage costs
  // the engine a temporary B-tree about as slow as the read itself.
  const byFamily = new Map<string, FamilyRows>();
  const rows = statement(
    db,
    `SELECT m.subscriber_id AS subscriberId, m.member_id AS memberId, m.relationship, m.date_of_birth AS dateOfBirth, m.disabled,
       m.pending_sync AS pending, c.plan_code AS planCode, c.start_date AS startDate, c.end_date AS endDate,
       CASE WHEN m.member_id = m.subscriber_id
         THEN m.first_name || coalesce(' ' || substr(m.middle_name, 1, 1), '') || ' ' || m.last_name || coalesce(' ' || m.suffix, '') END AS name
     FROM members m JOIN coverage_periods c ON c.member_ref = m.id
     WHERE m.group_number = ?`,
  ).iterate(groupNumber) as IterableIterator<CoverageRow>;
  for (const row of rows) {
    let family = byFamily.get(row.subscriberId);
    if (family === undefined) {
      family = { name: '', coverage: [], pending: false };
      byFamily.set(row.subscriberId, family);
    }
    if (row.name !== null) family.name = row.name;
    family.pending ||= row.pending === 1;
    family.coverage.push({
      memberId: row.memberId,
      relationship: row.relationship,
      dateOfBirth: row.dateOfBirth,
      disabled: row.disabled === 1,
      planCode: row.planCode,
      startDate: row.startDate,
      endDate: row.endDate,
    });
  }

  const families = new Map<string, RosterFamily>();
  for (const [subscriberId, family] of byFamily) {
    families.set(subscriberId, {
      subscriberId,
      name: family.name,
      charge: familyMonthCharge(subscriberId, family.coverage, periodStart, group.plans, group.policy),
      coverageEnd: coverageEndBy(family.coverage, monthEnd),
      pending: family.pending,
    });
  }
  return { periodStart, families, plans: group.plans };
}

/** The latest end of the family's coverage, when none of it runs past `monthEnd` (an open period runs on). */
function coverageEndBy(coverage: readonly BillableCoverage[], monthEnd: string): string | null {
  let latest: string | null = null;
  for (const { endDate } of coverage) {
    if (endDate === null || compareDates(endDate, monthEnd) > 0) return null;
    if (latest === null || compareDates(endDate, latest) > 0) latest = endDate;
  }
  return latest;
}

/** The group's monthly rate for a plan and tier, null when the group does not offer the plan. */
export function rateOf(plans: readonly Plan[], planCode: string, tier: MonthCharge['tier']): number | null {
  const plan = plans.find((p) => p.code === planCode);
  return plan === undefined ? null : plan.rates[tier];
}
