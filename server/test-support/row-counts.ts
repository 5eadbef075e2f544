import { sql } from 'drizzle-orm';
import type { Db } from '../src/store/db';

/**
 * The row count of every table, to assert that a refused request changed nothing. Table names come
 * from the catalog and are quoted as identifiers, never spliced in as values.
 */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: name } of tables.rows) {
    const result = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
    counts[name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}
