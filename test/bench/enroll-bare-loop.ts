import { createHash, randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SsnCipher } from '../../server/src/services/eligibility/ssn-crypto';
import { enrollmentBody } from './enroll-clients';

/** How the bare loop sends a statement: straight to `pg` or PGlite, no ORM, no HTTP; `name` prepares it once per connection (pg). */
type Query = (text: string, params: unknown[], name?: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** The bare loop's connection: a `pg` Pool (10 connections, as the service's) or the PGlite client itself. */
export interface BareDatabase {
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function barePostgres(databaseUrl: string): BareDatabase {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return {
    query: (text, params, name) => pool.query({ text, values: params, ...(name ? { name } : {}) }),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work((text, params) => client.query(text, params));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function barePglite(client: PGlite): BareDatabase {
  return {
    query: (text, params) => client.query(text, params),
    transaction: (work) => client.transaction((tx) => work((text, params) => tx.query(text, params))),
    close: async () => undefined,
  };
}

/** The service's session check (services/accounts/sessions.ts), a named prepared statement there too. */
const SESSION = {
  name: 'bare_session',
  text: `SELECT s.session_id, s.user_id, s.last_seen_at, s.expires_at, s.revoked_at, gu.role
    FROM sessions s LEFT JOIN group_users gu ON gu.user_id = s.user_id AND gu.group_number = $1
    WHERE s.token_hash = $2 LIMIT 1`,
};

/** The service's first enrollment statement (services/eligibility/enroll.ts): claim, rules, SSN check, numbers. */
const READ = `WITH claimed AS (
    INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at)
    VALUES ($1, $2, $3, 0, NULL, now()) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT (SELECT count(*) FROM claimed) AS claimed, g.policy,
    (SELECT coalesce(json_agg(json_build_object('code', p.code, 'name', p.name)), '[]') FROM plans p WHERE p.group_number = g.group_number) AS plans,
    nextval('subscriber_number_seq') AS subscriber_id,
    nextval('confirmation_number_seq') AS confirmation_seq,
    ARRAY(SELECT nextval('coverage_periods_id_seq') FROM generate_series(1, $4::int)) AS period_ids,
    (SELECT m.member_id FROM members m
     WHERE m.group_number = g.group_number AND m.relationship = 'subscriber' AND m.ssn_fingerprint = $5 LIMIT 1) AS ssn_taken_by
  FROM (SELECT 1) AS one LEFT JOIN groups g ON g.group_number = $6`;

const MEMBER_COLUMNS =
  'member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix, date_of_birth, gender, ssn_encrypted, ssn_last4, ssn_fingerprint, address, phone, email, hire_date, employment_status, employee_class, disabled, same_address_as_subscriber, version, updated_at';
const PERIOD_COLUMNS = 'id, member_id, group_number, plan_code, tier, start_date, end_date, reason, end_reason, created_at, created_by, ended_by';

/** The service's second statement: members, coverage, transaction, audit, stored answer, then the feed. */
const WRITE = `WITH new_members AS (
    INSERT INTO members (${MEMBER_COLUMNS}) SELECT ${MEMBER_COLUMNS} FROM jsonb_populate_recordset(NULL::members, $1::jsonb)
  ), new_periods AS (
    INSERT INTO coverage_periods (${PERIOD_COLUMNS}) SELECT ${PERIOD_COLUMNS} FROM jsonb_populate_recordset(NULL::coverage_periods, $2::jsonb)
  ), accepted AS (
    INSERT INTO eligibility_transactions (confirmation_number, group_number, kind, payload, status, actor_user_id, created_at)
    VALUES ($3, $4, 'enroll', $5::jsonb, 'accepted', $6, $7::timestamptz)
  ), audited AS (
    INSERT INTO audit_log (actor, session_id, action, target, detail, ip, at)
    VALUES ($6, $8, 'eligibility.enroll', $9, $10::jsonb, '127.0.0.1', $7::timestamptz)
  ), answered AS (
    UPDATE idempotency_keys SET response_status = 201, response_body = $11::jsonb WHERE user_id = $6 AND key = $12
  ), counter AS (
    INSERT INTO group_feeds (group_number, last_seq) VALUES ($4, $13)
    ON CONFLICT (group_number) DO UPDATE SET last_seq = group_feeds.last_seq + $13
    RETURNING last_seq
  ), appended AS (
    INSERT INTO changes (group_number, seq, entity_kind, entity_id, op, payload, committed_at)
    SELECT $4, counter.last_seq - $13::bigint + e.ord, e.value->>'k', e.value->>'i', e.value->>'o', nullif(e.value->'p', 'null'::jsonb), $7::timestamptz
    FROM counter, jsonb_array_elements($14::jsonb) WITH ORDINALITY AS e(value, ord)
  )
  SELECT last_seq, pg_notify('groupdesk_changes', json_build_object('g', $4::text, 's', last_seq)::text) FROM counter`;

export interface BareEnrollment {
  groupNumber: string;
  userId: string;
  token: string;
  cipher: SsnCipher;
  today: string;
}

/**
 * One enrollment as the bare loop does it: the same statements as the service with the same rows
 * (SSNs encrypted with the member ID as associated data, snapshots in the feed), and nothing else:
 * no HTTP, no validation, no rule checks, no ORM. True when it was written.
 */
export function bareEnroll(db: BareDatabase, setting: BareEnrollment): (i: number) => Promise<boolean> {
  const tokenHash = createHash('sha256').update(setting.token, 'utf8').digest('hex');
  const { groupNumber, userId, cipher, today } = setting;
  return async (i) => {
    const input = enrollmentBody(i, today);
    const session = await db.query(SESSION.text, [groupNumber, tokenHash], SESSION.name);
    if (session.rows[0]?.role !== 'primary_admin') throw new Error('The bare loop found no session');
    const key = randomUUID();
    const at = new Date().toISOString();
    const { subscriber } = input;
    const dependents = input.dependents ?? [];
    const fingerprint = cipher.fingerprint(subscriber.ssn);
    return db.transaction(async (query) => {
      const [read] = (await query(READ, [userId, key, createHash('sha256').update(JSON.stringify(input)).digest('hex'), 1 + dependents.length, fingerprint, groupNumber])).rows;
      if (!read || read.ssn_taken_by !== null) return false;
      const subscriberId = String(read.subscriber_id as string);
      const confirmationNumber = `TX-${today.replaceAll('-', '')}-${String(read.confirmation_seq as string).padStart(7, '0')}`;
      const hex = (bytes: Uint8Array) => `\\x${Buffer.from(bytes).toString('hex')}`;
      const person = { middle_name: null, suffix: null, gender: 'U', version: 1, updated_at: at };
      const members = [
        {
          ...person,
          member_id: subscriberId,
          group_number: groupNumber,
          subscriber_id: subscriberId,
          relationship: 'subscriber',
          first_name: subscriber.firstName,
          last_name: subscriber.lastName,
          date_of_birth: subscriber.dateOfBirth,
          ssn_encrypted: hex(cipher.encrypt(subscriber.ssn, subscriberId)),
          ssn_last4: subscriber.ssn.slice(-4),
          ssn_fingerprint: hex(fingerprint),
          address: subscriber.address,
          phone: null,
          email: null,
          hire_date: subscriber.hireDate,
          employment_status: subscriber.employmentStatus,
          employee_class: null,
          disabled: false,
          same_address_as_subscriber: false,
        },
        ...dependents.map((d, n) => ({
          ...person,
          member_id: `${subscriberId}-${String(n + 1).padStart(2, '0')}`,
          group_number: groupNumber,
          subscriber_id: subscriberId,
          relationship: d.relationship,
          first_name: d.firstName,
          last_name: d.lastName,
          date_of_birth: d.dateOfBirth,
          ssn_encrypted: null,
          ssn_last4: null,
          ssn_fingerprint: null,
          address: subscriber.address,
          phone: null,
          email: null,
          hire_date: null,
          employment_status: null,
          employee_class: null,
          disabled: false,
          same_address_as_subscriber: true,
        })),
      ];
      const periodIds = read.period_ids as (string | number)[];
      const periods = members.map((m, n) => ({
        id: Number(periodIds[n]),
        member_id: m.member_id,
        group_number: groupNumber,
        plan_code: input.planCode,
        tier: 'ESP',
        start_date: input.effectiveDate,
        end_date: null,
        reason: 'Initial enrollment',
        end_reason: null,
        created_at: at,
        created_by: confirmationNumber,
        ended_by: null,
      }));
      const memberIds = members.map((m) => m.member_id);
      const request = { ...input, subscriber: { ...subscriber, ssn: `***-**-${subscriber.ssn.slice(-4)}` } };
      const snapshot = ({ ssn_encrypted: _e, ssn_fingerprint: _f, ssn_last4, ...m }: (typeof members)[number]) => ({ ...m, ssn: ssn_last4 === null ? null : `***-**-${ssn_last4}` });
      const feed = [
        ...members.map((m) => ({ k: 'member', i: m.member_id, o: 'upsert', p: snapshot(m) })),
        ...periods.map((p) => ({ k: 'coverage', i: String(p.id), o: 'upsert', p })),
        { k: 'transaction', i: confirmationNumber, o: 'upsert', p: { confirmationNumber, kind: 'enroll', status: 'accepted', memberIds, request, actorUserId: userId, acceptedAt: at } },
      ];
      const answer = { confirmationNumber, kind: 'enroll', acceptedAt: at, memberIds, members: members.map((m, n) => ({ ...snapshot(m), status: 'pending', coverage: [periods[n]] })) };
      await query(WRITE, [
        JSON.stringify(members),
        JSON.stringify(periods),
        confirmationNumber,
        groupNumber,
        JSON.stringify({ memberIds, request }),
        userId,
        at,
        null,
        `group:${groupNumber}`,
        JSON.stringify({ confirmationNumber, memberIds }),
        JSON.stringify(answer),
        key,
        feed.length,
        JSON.stringify(feed),
      ]);
      return true;
    });
  };
}
