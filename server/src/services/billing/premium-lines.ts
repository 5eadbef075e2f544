import { sql } from 'drizzle-orm';
import type { Group } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import type { BillableCoverage } from '@shared/domain/month-billing';
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

const partners = sql`('spouse', 'domestic_partner')`;
const children = sql`('child', 'stepchild', 'adopted_child', 'foster_child')`;

/**
 * Writes the month's premium lines of `invoiceNumber` in one INSERT … SELECT, so a group of any size
 * costs one statement and no rows travel to the service: the rules of familyMonthCharge
 * (shared/domain/month-billing.ts) in SQL — who is covered on the month's first day and within the
 * dependent age limit, the family's tier from their relationships, the subscriber's plan (else the
 * first dependent's), that plan's rate. server/test/premium-lines.test.ts holds the two to the same
 * answers. A family whose plan the group does not offer has no rate, which the NOT NULL refuses.
 */
export async function insertPremiumLines(tx: Db, group: Pick<Group, 'groupNumber' | 'policy'>, monthStart: string, invoiceNumber: string): Promise<{ count: number; premiumsCents: number }> {
  const result = await tx.execute<{ count: string | number; cents: string | number | null }>(sql`
    WITH families AS (
      SELECT m.subscriber_id,
             (array_agg(c.plan_code ORDER BY m.member_id <> m.subscriber_id, m.member_id))[1] AS plan_code,
             bool_or(m.relationship IN ${partners}) AS partner,
             bool_or(m.relationship IN ${children}) AS child
      FROM coverage_periods c JOIN members m ON m.member_id = c.member_id
      WHERE c.group_number = ${group.groupNumber} AND c.start_date <= ${monthStart}::date
        AND (c.end_date IS NULL OR (c.end_date >= ${monthStart}::date AND c.end_date >= c.start_date))
        AND (m.relationship NOT IN ${children} OR m.disabled
             OR ${monthStart}::date <= (date_trunc('month', m.date_of_birth + make_interval(years => ${group.policy.dependentAgeLimit}::int)) + interval '1 month - 1 day')::date)
      GROUP BY m.subscriber_id
    ), tiered AS (
      SELECT subscriber_id, plan_code, CASE WHEN partner AND child THEN 'FAM' WHEN partner THEN 'ESP' WHEN child THEN 'ECH' ELSE 'EMP' END AS tier
      FROM families
    ), inserted AS (
      INSERT INTO invoice_lines (invoice_number, member_id, plan_code, tier, amount_cents)
      SELECT ${invoiceNumber}, t.subscriber_id, t.plan_code, t.tier,
             CASE t.tier WHEN 'EMP' THEN p.rate_emp WHEN 'ESP' THEN p.rate_esp WHEN 'ECH' THEN p.rate_ech ELSE p.rate_fam END
      FROM tiered t LEFT JOIN plans p ON p.group_number = ${group.groupNumber} AND p.code = t.plan_code
      RETURNING amount_cents
    )
    SELECT count(*) AS count, sum(amount_cents) AS cents FROM inserted`);
  const [row] = result.rows;
  return { count: Number(row?.count ?? 0), premiumsCents: Number(row?.cents ?? 0) };
}
