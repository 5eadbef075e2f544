import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/store/db';

/**
 * Families by subscriber number modulo 10, close to an employer plan's mix: 4 single, 2 with a
 * spouse, 1 with two children, 3 with a spouse and two children — 2.3 members a subscriber.
 */
const MEMBERS_PER_SUBSCRIBER = 2.3;

/** Dependents of each family kind: k 1 is the spouse, k 2 and 3 the children. */
const familyHas = sql`CASE WHEN s.i % 10 < 4 THEN d.k = 0 WHEN s.i % 10 < 6 THEN d.k <= 1 WHEN s.i % 10 = 6 THEN d.k <> 1 ELSE true END`;

export interface SeededGroup {
  members: number;
  subscribers: number;
}

/**
 * Loads about `members` members into the group with one INSERT … SELECT for the members and one for
 * their coverage (every member covered from `coveredFrom` on, plan alternating by family): the
 * database makes the rows, so a 250,000-member group takes seconds, not the minutes the API would.
 * Not on the change feed: the benchmarks bill the group, nobody syncs it.
 */
export async function seedBillingGroup(db: Db, groupNumber: string, members: number, coveredFrom: string, at: Date): Promise<SeededGroup> {
  const subscribers = Math.max(1, Math.round(members / MEMBERS_PER_SUBSCRIBER));
  const stamp = at.toISOString();
  await db.transaction(async (tx) => {
    // Subscriber before dependents inside the one statement: members.subscriber_id references members.
    await tx.execute(sql`
      INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, hire_date, employment_status, updated_at)
      SELECT CASE WHEN d.k = 0 THEN lpad(s.i::text, 9, '0') ELSE lpad(s.i::text, 9, '0') || '-0' || d.k END,
             ${groupNumber}, lpad(s.i::text, 9, '0'),
             CASE d.k WHEN 0 THEN 'subscriber' WHEN 1 THEN 'spouse' ELSE 'child' END,
             (ARRAY['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Harper', 'Rowan'])[1 + (s.i + d.k) % 8],
             'Bench' || (s.i % 997),
             CASE WHEN d.k <= 1 THEN date '1980-01-01' + (s.i % 7000) ELSE date '2012-01-01' + (s.i % 3000) END,
             (ARRAY['F', 'M', 'U'])[1 + (s.i + d.k) % 3],
             jsonb_build_object('line1', (s.i % 9000 + 1) || ' Bench Way', 'city', 'Columbus', 'state', 'OH', 'zip', '43215'),
             CASE WHEN d.k = 0 THEN date '2015-03-01' END, CASE WHEN d.k = 0 THEN 'FT' END,
             ${stamp}::timestamptz
      FROM generate_series(1, ${subscribers}::int) AS s(i) CROSS JOIN (VALUES (0), (1), (2), (3)) AS d(k)
      WHERE ${familyHas}
      ORDER BY s.i, d.k`);
    await tx.execute(sql`
      INSERT INTO coverage_periods (member_id, group_number, plan_code, tier, start_date, reason, created_at)
      SELECT m.member_id, m.group_number, CASE WHEN m.subscriber_id::int % 2 = 0 THEN 'PPO-500' ELSE 'HMO-250' END,
             CASE WHEN s.i % 10 < 4 THEN 'EMP' WHEN s.i % 10 < 6 THEN 'ESP' WHEN s.i % 10 = 6 THEN 'ECH' ELSE 'FAM' END,
             ${coveredFrom}::date, 'new_hire', ${stamp}::timestamptz
      FROM members m CROSS JOIN LATERAL (SELECT m.subscriber_id::int AS i) AS s
      WHERE m.group_number = ${groupNumber}`);
  });
  // As the sandbox's bulk load does: PGlite runs no autovacuum, so without it the planner would
  // plan the invoice for the empty tables of before the load.
  await db.execute(sql`ANALYZE members, coverage_periods`);
  const [row] = (await db.execute<{ n: string | number }>(sql`SELECT count(*) AS n FROM members WHERE group_number = ${groupNumber}`)).rows;
  return { members: Number(row?.n ?? 0), subscribers };
}

/**
 * Marries one single subscriber in fifty, the spouse covered from `coveredFrom` (a month already
 * billed) and entered at `at`: the next invoice re-bills that month for each of those families.
 */
export async function addLateSpouses(db: Db, groupNumber: string, coveredFrom: string, at: Date): Promise<number> {
  const stamp = at.toISOString();
  return db.transaction(async (tx) => {
    const added = await tx.execute<{ member_id: string }>(sql`
      INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, updated_at)
      SELECT m.member_id || '-01', m.group_number, m.member_id, 'spouse', 'Sam', m.last_name, date '1985-06-01', 'U', m.address, ${stamp}::timestamptz
      FROM members m
      WHERE m.group_number = ${groupNumber} AND m.relationship = 'subscriber' AND m.member_id::int % 50 = 0
        AND NOT EXISTS (SELECT 1 FROM members d WHERE d.subscriber_id = m.member_id AND d.member_id <> m.member_id)
      RETURNING member_id`);
    await tx.execute(sql`
      INSERT INTO coverage_periods (member_id, group_number, plan_code, tier, start_date, reason, created_at)
      SELECT m.member_id, m.group_number, c.plan_code, 'ESP', ${coveredFrom}::date, 'marriage', ${stamp}::timestamptz
      FROM members m JOIN coverage_periods c ON c.member_id = m.subscriber_id
      WHERE m.group_number = ${groupNumber} AND m.updated_at = ${stamp}::timestamptz AND m.relationship = 'spouse'`);
    return added.rows.length;
  });
}
