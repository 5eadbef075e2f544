import { sql } from 'drizzle-orm';
import type { ChangeEntity } from '@shared/plan-api/changes';
import type { Db } from '../../store/db';

/** What a role with billing.read but not members.read reads of the feed: invoices and payments, never members (shared/contract/roles.ts). */
export const invoiceEntities: readonly ChangeEntity[] = ['invoice', 'invoice_line', 'invoice_adjustment', 'payment'];

export interface ChangesPageText {
  /** The JSON text of `changesPage` (shared/plan-api/changes.ts), ready to send. */
  json: string;
  rows: number;
  nextAfter: number;
}

/**
 * One page of a group's feed after `after`, in sequence order. PostgreSQL writes the entries' JSON
 * text: the payloads are stored as jsonb, so parsing them into objects only to serialize them again
 * would be most of the cost of a first sync of a large group. The entries are joined as text
 * (string_agg) rather than built as json values (json_agg of json_build_object), which took a
 * third longer for the same bytes; each piece is JSON by construction: numbers, to_json strings,
 * the jsonb payload's own text (`null` for a delete), a fixed-form timestamp.
 *
 * `entities`, when given, keeps only entries of those kinds. The cursor still covers what was
 * skipped: a page shorter than `limit` has read every entry up to the head, so `nextAfter` is the
 * head (a page with nothing to show moves the client past the entries it may not read instead of
 * asking it again); a full page ends at its last entry.
 *
 * A first page (`after` 0) read with every entity also tells the group's member count
 * (`memberTotal`), from the same snapshot: a first sync shows its progress in members against it.
 */
export async function readChangesPage(db: Db, groupNumber: string, after: number, limit: number, entities?: readonly ChangeEntity[]): Promise<ChangesPageText> {
  const countMembers = after === 0 && entities === undefined;
  const memberTotal = countMembers ? sql`(SELECT count(*) FROM members WHERE group_number = ${groupNumber})` : sql`NULL`;
  const kinds = entities ? sql`AND entity_kind IN (${sql.join(entities.map((e) => sql`${e}`), sql`, `)})` : sql``;
  const result = await db.execute<{ entries: string | null; rows: string | number; last_seq: string | number | null; head_seq: string | number; member_total: string | number | null }>(sql`
    WITH page AS (
      SELECT seq, entity_kind, entity_id, op, payload, committed_at
      FROM changes
      WHERE group_number = ${groupNumber} AND seq > ${after} ${kinds}
      ORDER BY seq
      LIMIT ${limit}
    )
    SELECT string_agg(
             '{"seq":' || seq || ',"entity":' || to_json(entity_kind)::text || ',"entityId":' || to_json(entity_id)::text
               || ',"op":' || to_json(op)::text || ',"payload":' || coalesce(payload::text, 'null')
               || ',"committedAt":"' || to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}',
             ',' ORDER BY seq) AS entries,
           count(*) AS rows,
           max(seq) AS last_seq,
           -- One statement reads the page and the head from one snapshot, so they agree.
           coalesce((SELECT last_seq FROM group_feeds WHERE group_number = ${groupNumber}), 0) AS head_seq,
           ${memberTotal} AS member_total
    FROM page`);
  const [row] = result.rows;
  if (!row) throw new Error('The change feed query returned no row');
  const rows = Number(row.rows);
  const headSeq = Number(row.head_seq);
  const nextAfter = rows === limit ? Number(row.last_seq) : Math.max(after, headSeq);
  const total = row.member_total === null ? '' : `,"memberTotal":${Number(row.member_total)}`;
  const json = `{"groupNumber":${JSON.stringify(groupNumber)},"changes":[${row.entries ?? ''}],"nextAfter":${nextAfter},"headSeq":${headSeq},"hasMore":${headSeq > nextAfter}${total}}`;
  return { json, rows, nextAfter };
}

/** The group's newest sequence number (0 before its first change). */
export async function headSequence(db: Db, groupNumber: string): Promise<number> {
  const result = await db.execute<{ last_seq: string | number }>(sql`SELECT last_seq FROM group_feeds WHERE group_number = ${groupNumber}`);
  const [row] = result.rows;
  return row ? Number(row.last_seq) : 0;
}
