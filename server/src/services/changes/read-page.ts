import { sql } from 'drizzle-orm';
import type { Db } from '../../store/db';

export interface ChangesPageText {
  /** The JSON text of `changesPage` (shared/plan-api/changes.ts), ready to send. */
  json: string;
  rows: number;
  nextAfter: number;
}

/**
 * One page of a group's feed after `after`, in sequence order. PostgreSQL builds the JSON: the
 * payloads are stored as jsonb, so parsing them into objects only to serialize them again would be
 * most of the cost of a first sync of a large group.
 */
export async function readChangesPage(db: Db, groupNumber: string, after: number, limit: number): Promise<ChangesPageText> {
  const result = await db.execute<{ body: string; rows: string | number; next_after: string | number }>(sql`
    WITH page AS (
      SELECT seq, entity_kind, entity_id, op, payload, committed_at
      FROM changes
      WHERE group_number = ${groupNumber} AND seq > ${after}
      ORDER BY seq
      LIMIT ${limit}
    ), head AS (
      SELECT coalesce((SELECT last_seq FROM group_feeds WHERE group_number = ${groupNumber}), 0) AS head_seq
    ), summary AS (
      SELECT count(*) AS rows, coalesce(max(seq), ${after}::bigint) AS next_after FROM page
    )
    SELECT json_build_object(
             'groupNumber', ${groupNumber}::text,
             'changes', coalesce((SELECT json_agg(json_build_object(
                 'seq', seq, 'entity', entity_kind, 'entityId', entity_id, 'op', op, 'payload', payload,
                 'committedAt', to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
               ) ORDER BY seq) FROM page), '[]'::json),
             'nextAfter', summary.next_after,
             -- One statement reads the page and the head from one snapshot, so they agree.
             'headSeq', head.head_seq,
             'hasMore', head.head_seq > summary.next_after
           )::text AS body,
           summary.rows, summary.next_after
    FROM head, summary`);
  const [row] = result.rows;
  if (!row) throw new Error('The change feed query returned no row');
  return { json: row.body, rows: Number(row.rows), nextAfter: Number(row.next_after) };
}

/** The group's newest sequence number (0 before its first change). */
export async function headSequence(db: Db, groupNumber: string): Promise<number> {
  const result = await db.execute<{ last_seq: string | number }>(sql`SELECT last_seq FROM group_feeds WHERE group_number = ${groupNumber}`);
  const [row] = result.rows;
  return row ? Number(row.last_seq) : 0;
}
