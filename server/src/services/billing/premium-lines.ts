import { sql } from 'drizzle-orm';
import type { Group } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { familyMonthCharge, type BillableCoverage, type MonthCharge } from '@shared/domain/month-billing';
import type { Db } from '../../store/db';

/** A coverage period as billing reads it, with its member's relationship, birth date and disability. */
export interface CoverageOnFile extends BillableCoverage {
  subscriberId: string;
}

/** The columns of `coverage_periods c JOIN members m` that `coverageOnFile` turns into a period. Dates as text: both drivers agree. */
export const coverageColumns = sql`c.member_id, m.subscriber_id, m.relationship, m.date_of_birth::text AS date_of_birth, m.disabled,
  c.plan_code, c.start_date::text AS start_date, c.end_date::text AS end_date`;

// A type, not an interface: the driver's row type needs an index signature.
export type CoverageColumnsRow = {
  member_id: string;
  subscriber_id: string;
  relationship: Relationship;
  date_of_birth: string;
  disabled: boolean;
  plan_code: string;
  start_date: string;
  end_date: string | null;
};

export function coverageOnFile(row: CoverageColumnsRow): CoverageOnFile {
  return {
    memberId: row.member_id,
    subscriberId: row.subscriber_id,
    relationship: row.relationship,
    dateOfBirth: row.date_of_birth,
    disabled: row.disabled,
    planCode: row.plan_code,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

/** Periods grouped by family (subscriber), in the order read. */
export function byFamily<T extends { subscriberId: string }>(rows: readonly T[]): Map<string, T[]> {
  const families = new Map<string, T[]>();
  for (const row of rows) {
    const family = families.get(row.subscriberId);
    if (family) family.push(row);
    else families.set(row.subscriberId, [row]);
  }
  return families;
}

/**
 * The month's premium lines, one per family billed (shared/domain/month-billing.ts): one read of the
 * periods in force on the month's first day, the rules applied per family in memory.
 */
export async function premiumLines(tx: Db, group: Pick<Group, 'groupNumber' | 'plans' | 'policy'>, monthStart: string): Promise<MonthCharge[]> {
  const covered = await tx.execute<CoverageColumnsRow>(sql`
    SELECT ${coverageColumns}
    FROM coverage_periods c JOIN members m ON m.member_id = c.member_id
    WHERE c.group_number = ${group.groupNumber} AND c.start_date <= ${monthStart}::date
      AND (c.end_date IS NULL OR (c.end_date >= ${monthStart}::date AND c.end_date >= c.start_date))
    ORDER BY m.subscriber_id, c.member_id`);
  const lines: MonthCharge[] = [];
  for (const [subscriberId, family] of byFamily(covered.rows.map(coverageOnFile))) {
    const charge = familyMonthCharge(subscriberId, family, monthStart, group.plans, group.policy);
    if (charge) lines.push(charge);
  }
  return lines;
}
