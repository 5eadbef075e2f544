import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { memberListQuery } from '@shared/plan-api/members';
import type { Db } from '../../store/db';

/**
 * Each member of a group with its coverage span (first start, last period's end, plan and tier of
 * the latest period) and its status as of `today`. The CASE is memberStatusOn
 * (shared/domain/member-status.ts) written as SQL so a 250,000-member group is filtered and counted
 * in the database; the members routes' test checks both agree member by member. Periods replaced
 * on their first day (end before start) never were in force and are left out.
 */
export function memberSpans(groupNumber: string, today: string): SQL {
  return sql`
    SELECT member_id, subscriber_id, relationship, last_name, plan_code, tier, effective_date, termination_date,
           CASE WHEN ${today}::date < effective_date THEN 'pending'
                WHEN termination_date IS NOT NULL AND ${today}::date > termination_date THEN 'terminated'
                ELSE 'active' END AS status
    FROM (
      SELECT DISTINCT ON (c.member_id)
             c.member_id, m.subscriber_id, m.relationship, m.last_name, c.plan_code, c.tier, c.end_date AS termination_date,
             min(c.start_date) OVER (PARTITION BY c.member_id) AS effective_date
      FROM coverage_periods c JOIN members m ON m.member_id = c.member_id
      WHERE c.group_number = ${groupNumber} AND (c.end_date IS NULL OR c.end_date >= c.start_date)
      ORDER BY c.member_id, c.start_date DESC, c.id DESC
    ) latest`;
}

export type ParsedMemberListQuery = z.output<typeof memberListQuery>;

/** One page of member IDs matching the filters, in member ID order (families stay together), and the total. */
export async function findMemberIds(db: Db, groupNumber: string, query: ParsedMemberListQuery, today: string): Promise<{ total: number; memberIds: string[] }> {
  const filters: SQL[] = [];
  if (query.status) filters.push(sql`status = ${query.status}`);
  if (query.planCode) filters.push(sql`plan_code = ${query.planCode}`);
  if (query.relationship) filters.push(sql`relationship = ${query.relationship}`);
  if (query.subscriberId) filters.push(sql`subscriber_id = ${query.subscriberId}`);
  if (query.q) {
    // A prefix typed by a person: escape LIKE's own wildcards so `%` and `_` match themselves.
    const prefix = query.q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    filters.push(sql`(lower(last_name) LIKE lower(${prefix}) OR member_id LIKE ${prefix})`);
  }
  const where = filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  const result = await db.execute<{ member_id: string; total: string | number }>(sql`
    SELECT member_id, count(*) OVER () AS total FROM (${memberSpans(groupNumber, today)}) spans ${where}
    ORDER BY member_id LIMIT ${query.limit} OFFSET ${query.offset}`);
  const total = result.rows[0] ? Number(result.rows[0].total) : await countAll(db, groupNumber, where, today);
  return { total, memberIds: result.rows.map((r) => r.member_id) };
}

/** The total when the page is past the end (no row to carry the window count). */
async function countAll(db: Db, groupNumber: string, where: SQL, today: string): Promise<number> {
  const result = await db.execute<{ total: string | number }>(sql`SELECT count(*) AS total FROM (${memberSpans(groupNumber, today)}) spans ${where}`);
  return Number(result.rows[0]?.total ?? 0);
}
