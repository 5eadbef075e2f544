import { sql } from 'drizzle-orm';
import type { Db } from '../src/store/db';

/**
 * A digest of every table's content (each row as JSON, sorted), by table name, in one query: a
 * refused request must leave every digest as it was, which catches an updated row that a row count
 * would miss. `ignore` leaves columns out (by table). Table names come from the catalog and are
 * quoted as identifiers; column names are passed as values.
 */
export async function databaseDigest(db: Db, ignore: Readonly<Record<string, readonly string[]>> = {}): Promise<Record<string, string>> {
  const tables = await db.execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables.rows.map(({ table_name: name }) => {
    const row = (ignore[name] ?? []).reduce((json, column) => sql`(${json} - ${column}::text)`, sql`to_jsonb(x)`);
    return sql`SELECT ${name}::text AS t, md5(coalesce(string_agg(${row}::text, ',' ORDER BY ${row}::text), '')) AS d FROM ${sql.identifier(name)} x`;
  });
  if (parts.length === 0) return {};
  const result = await db.execute<{ t: string; d: string }>(sql.join(parts, sql` UNION ALL `));
  return Object.fromEntries(result.rows.map((row) => [row.t, row.d]));
}
