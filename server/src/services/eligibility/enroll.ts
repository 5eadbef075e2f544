import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { checkEnrollment } from '@shared/domain/enrollment-checks';
import { personFields, type TransactionAccepted, type TransactionRecord } from '@shared/plan-api/eligibility';
import type { enrollRequest } from '@shared/plan-api/eligibility';
import type { z } from 'zod';
import type { Db } from '../../store/db';
import { coveragePeriods, members } from '../../store/schema';
import { appendChangesSql, type ChangeToRecord } from '../changes/append';
import type { KeyClaim, StoredAnswer } from '../idempotency';
import { enforceAll, groupNotFound, groupRulesOf, todayOf, type Actor, type EligibilityEnv } from './context';
import { dependentRow } from './dependent-row';
import { dependentId } from './member-ids';
import { memberView } from './member-views';
import { coverageSnapshot, memberSnapshot, type CoverageRow, type MemberRow } from './snapshots';
import { ssnConflict, ssnTaken } from './ssn-duplicates';
import { maskSsns } from './work';

export type EnrollInput = z.output<typeof enrollRequest>;

/** 834 INS04 28 "Initial enrollment". */
export const initialEnrollmentReason = 'Initial enrollment';

interface EnrollmentRead extends Record<string, unknown> {
  claimed: string | number;
  policy: GroupPolicy | null;
  plans: { code: string; name: string }[] | null;
  subscriber_id: string | number;
  confirmation_seq: string | number;
  period_ids: (string | number)[];
  ssn_taken_by: string | null;
}

/**
 * Enrolls a subscriber and the dependents named with them, all on one plan and tier, in two
 * statements: enrollment is the busiest write, and on a loaded host every round trip costs more
 * than the work in it (docs/architecture.md#enrollment-round-trips).
 *
 * The first claims the Idempotency-Key and reads the group's rules, whether the SSN is already a
 * subscriber's here, and every number the enrollment needs (member ID, confirmation number,
 * coverage period IDs) from their sequences, so the rows, the answer and the feed entries are all
 * built here; the second writes them all, the audit entry and the stored answer, feed last. A
 * refused enrollment spends numbers of the sequences, as any rolled-back one does; none need be
 * consecutive. The SSN unique index settles two enrollments that pass the lookup at once.
 */
export async function enrollSubscriber(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: EnrollInput, key: KeyClaim): Promise<StoredAnswer> {
  const at = env.now();
  const today = todayOf(env);
  const { subscriber } = input;
  const fingerprint = env.cipher.fingerprint(subscriber.ssn);
  const read = await tx.execute<EnrollmentRead>(sql`
    WITH ${key.claimedCte}
    SELECT (SELECT count(*) FROM claimed) AS claimed, g.policy,
      (SELECT coalesce(json_agg(json_build_object('code', p.code, 'name', p.name)), '[]') FROM plans p WHERE p.group_number = g.group_number) AS plans,
      nextval('subscriber_number_seq') AS subscriber_id,
      nextval('confirmation_number_seq') AS confirmation_seq,
      ARRAY(SELECT nextval('coverage_periods_id_seq') FROM generate_series(1, ${1 + input.dependents.length}::int)) AS period_ids,
      (SELECT m.member_id FROM members m
       WHERE m.group_number = g.group_number AND m.relationship = 'subscriber' AND m.ssn_fingerprint = ${fingerprint} LIMIT 1) AS ssn_taken_by
    FROM (SELECT 1) AS one LEFT JOIN groups g ON g.group_number = ${groupNumber}`);
  const [found] = read.rows;
  if (!found || Number(found.claimed) === 0) key.taken();
  if (found.policy === null || found.plans === null) throw groupNotFound(groupNumber);
  const rules = groupRulesOf(groupNumber, { policy: found.policy, plans: found.plans });
  enforceAll(checkEnrollment(input, { groupNumber, planCodes: [...rules.planNames.keys()], policy: rules.policy }, today));
  if (found.ssn_taken_by !== null) throw ssnTaken(found.ssn_taken_by);

  const subscriberId = String(found.subscriber_id);
  const confirmationNumber = `TX-${today.replaceAll('-', '')}-${String(found.confirmation_seq).padStart(7, '0')}`;
  const rows: MemberRow[] = [
    {
      memberId: subscriberId,
      groupNumber,
      subscriberId,
      relationship: 'subscriber',
      ...personFields(subscriber),
      ssnEncrypted: env.cipher.encrypt(subscriber.ssn, subscriberId),
      ssnLast4: subscriber.ssn.slice(-4),
      ssnFingerprint: fingerprint,
      address: subscriber.address,
      phone: subscriber.phone ?? null,
      email: subscriber.email ?? null,
      hireDate: subscriber.hireDate,
      employmentStatus: subscriber.employmentStatus,
      employeeClass: subscriber.employeeClass ?? null,
      disabled: false,
      sameAddressAsSubscriber: false,
      version: 1,
      updatedAt: at,
    },
    ...input.dependents.map((d, i) => ({
      ...dependentRow(env, { groupNumber, subscriberId, subscriberAddress: subscriber.address }, dependentId(subscriberId, i + 1), d),
      version: 1,
      updatedAt: at,
    })),
  ];
  const tier = deriveCoverageTier(['subscriber', ...input.dependents.map((d) => d.relationship)]);
  const periods: CoverageRow[] = rows.map((r, i) => ({
    id: Number(found.period_ids[i]),
    memberId: r.memberId,
    groupNumber,
    planCode: input.planCode,
    tier,
    startDate: input.effectiveDate,
    endDate: null,
    reason: initialEnrollmentReason,
    endReason: null,
    createdAt: at,
    createdBy: confirmationNumber,
    endedBy: null,
  }));

  const memberIds = rows.map((r) => r.memberId);
  const acceptedAt = at.toISOString();
  const masked = maskSsns(input) as Record<string, unknown>;
  const record: TransactionRecord = { confirmationNumber, kind: 'enroll', status: 'accepted', memberIds, request: masked, actorUserId: actor.userId, acceptedAt };
  const body: TransactionAccepted = {
    confirmationNumber,
    kind: 'enroll',
    acceptedAt,
    memberIds,
    members: rows.map((r) => memberView(r, periods.filter((p) => p.memberId === r.memberId), today)),
  };
  const feed: ChangeToRecord[] = [
    ...rows.map((m) => ({ entity: 'member' as const, entityId: m.memberId, op: 'upsert' as const, payload: memberSnapshot(m) })),
    ...periods.map((c) => ({ entity: 'coverage' as const, entityId: String(c.id), op: 'upsert' as const, payload: coverageSnapshot(c) })),
    { entity: 'transaction', entityId: confirmationNumber, op: 'upsert', payload: record },
  ];
  const answer: StoredAnswer = { status: 201, body };
  await tx
    .execute(
      appendChangesSql(groupNumber, acceptedAt, feed, [
        insertRowsCte('new_members', members, rows),
        insertRowsCte('new_periods', coveragePeriods, periods),
        sql`accepted AS (
          INSERT INTO eligibility_transactions (confirmation_number, group_number, kind, payload, status, actor_user_id, created_at)
          VALUES (${confirmationNumber}, ${groupNumber}, 'enroll', ${JSON.stringify({ memberIds, request: masked })}::jsonb, 'accepted', ${actor.userId}, ${acceptedAt}::timestamptz))`,
        sql`audited AS (
          INSERT INTO audit_log (actor, session_id, action, target, detail, ip, at)
          VALUES (${actor.userId}, ${actor.sessionId}, 'eligibility.enroll', ${`group:${groupNumber}`}, ${JSON.stringify({ confirmationNumber, memberIds })}::jsonb,
                  ${actor.ip}, ${acceptedAt}::timestamptz))`,
        key.answeredCte(answer),
      ]),
    )
    .catch((error: unknown) => Promise.reject(ssnConflict(error) ?? error));
  return answer;
}

/**
 * A CTE inserting whole rows of `table`, sent as one JSON array whatever their number: the column
 * list comes from the schema, so a column added there is written here too. Binary columns travel
 * as bytea's hex text, instants as ISO text.
 */
function insertRowsCte<T extends PgTable>(name: string, table: T, rows: readonly T['$inferSelect'][]): SQL {
  const columns = Object.entries(getTableColumns(table));
  const json = rows.map((row: Record<string, unknown>) => Object.fromEntries(columns.map(([field, column]) => [column.name, jsonValue(row[field])])));
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const tableName = sql.identifier(getTableName(table));
  return sql`${sql.identifier(name)} AS (INSERT INTO ${tableName} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${tableName}, ${JSON.stringify(json)}::jsonb))`;
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}
