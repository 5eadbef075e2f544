import { sql, type SQL } from 'drizzle-orm';
import type { ChangeEntity } from '@shared/plan-api/changes';
import type { Db } from '../../store/db';

/** The Postgres channel every instance LISTENs on; the payload is `{"g":group,"s":seq}`. */
export const changesChannel = 'groupdesk_changes';

export interface ChangeToRecord {
  entity: ChangeEntity;
  entityId: string;
  op: 'upsert' | 'delete';
  /** A snapshot after the change (SSN masked), or null for a delete. */
  payload: unknown;
}

/**
 * Appends changes of one group to its feed inside the caller's transaction and returns the last
 * sequence number given. Call it as the LAST statement before commit: the upsert takes the group's
 * feed row lock and holds it to commit, which is what makes sequence numbers follow commit order
 * (see migrations/0002_eligibility.sql, group_feeds) — and the shorter it is held, the more writers
 * of one group can run at once. `pg_notify` is delivered only if and when the transaction commits,
 * to every instance listening on the database.
 */
export async function appendChanges(tx: Db, groupNumber: string, committedAt: string, entries: readonly ChangeToRecord[]): Promise<number> {
  return lastSequence(await tx.execute<{ last_seq: string | number }>(appendChangesSql(groupNumber, committedAt, entries)));
}

/**
 * `appendChanges` as one statement to run, after `before`: CTEs of the transaction's other writes,
 * so a write can make them and its feed entries in one round trip (enrollment). The feed's counter
 * is still the statement's, and so the transaction's, last lock: commit follows at once.
 */
export function appendChangesSql(groupNumber: string, committedAt: string, entries: readonly ChangeToRecord[], before: readonly SQL[] = []): SQL {
  if (entries.length === 0) throw new RangeError('appendChanges needs at least one change');
  const rows = JSON.stringify(entries.map((e) => ({ k: e.entity, i: e.entityId, o: e.op, p: e.payload })));
  const n = entries.length;
  return sql`
    WITH ${sql.join([...before, sql``], sql`, `)}counter AS (
      INSERT INTO group_feeds (group_number, last_seq) VALUES (${groupNumber}, ${n})
      ON CONFLICT (group_number) DO UPDATE SET last_seq = group_feeds.last_seq + ${n}
      RETURNING last_seq
    ), appended AS (
      INSERT INTO changes (group_number, seq, entity_kind, entity_id, op, payload, committed_at)
      SELECT ${groupNumber}, counter.last_seq - ${n}::bigint + e.ord, e.value->>'k', e.value->>'i', e.value->>'o',
             nullif(e.value->'p', 'null'::jsonb), ${committedAt}::timestamptz
      FROM counter, jsonb_array_elements(${rows}::jsonb) WITH ORDINALITY AS e(value, ord)
    )
    SELECT last_seq, pg_notify(${changesChannel}, json_build_object('g', ${groupNumber}::text, 's', last_seq)::text) FROM counter`;
}

/** The feed's last sequence number from an append's answer. */
export function lastSequence(result: { rows: { last_seq: string | number }[] }): number {
  const [row] = result.rows;
  if (!row) throw new Error('The change feed counter returned no row');
  return Number(row.last_seq);
}

/**
 * `appendChanges` for changes whose snapshots are already rows in the database (an invoice's lines,
 * say): `rows` is a SELECT of `ord` (1 … `count`, the order in the feed), `entity_kind`,
 * `entity_id` and `payload`, each an upsert, so a large batch never travels to the service and
 * back. Same rule: the LAST statement before commit.
 */
export async function appendSelectedChanges(tx: Db, groupNumber: string, committedAt: string, count: number, rows: SQL): Promise<number> {
  if (count < 1) throw new RangeError('appendSelectedChanges needs at least one change');
  const result = await tx.execute<{ last_seq: string | number }>(sql`
    WITH counter AS (
      INSERT INTO group_feeds (group_number, last_seq) VALUES (${groupNumber}, ${count})
      ON CONFLICT (group_number) DO UPDATE SET last_seq = group_feeds.last_seq + ${count}
      RETURNING last_seq
    ), appended AS (
      INSERT INTO changes (group_number, seq, entity_kind, entity_id, op, payload, committed_at)
      SELECT ${groupNumber}, counter.last_seq - ${count}::bigint + r.ord, r.entity_kind, r.entity_id, 'upsert', r.payload, ${committedAt}::timestamptz
      FROM counter, (${rows}) AS r
    )
    SELECT last_seq, pg_notify(${changesChannel}, json_build_object('g', ${groupNumber}::text, 's', last_seq)::text) FROM counter`);
  const [row] = result.rows;
  if (!row) throw new Error('The change feed counter returned no row');
  return Number(row.last_seq);
}
