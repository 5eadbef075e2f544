import type { Database } from 'better-sqlite3';
import { statement } from '../store/statements';

/**
 * A first sync of a large group inserts ~250,000 members page by page. Keeping the members'
 * secondary indexes (names, families, sort orders, SSN last 4) up to date row by row costs several
 * times the insert itself, so such a pull drops them on its first page and builds them once on its
 * last, like the bulk loader (store/derived-tables.ts). Each page's transaction records what it
 * dropped in sync_index_holiday, so a crash in between is repaired at the next start (endIndexHoliday).
 * The coverage indexes stay: coverage rows arrive in member order, so they are appended anyway.
 * Invoice lines' sort indexes go too: a 250,000-line invoice arrives in member ID order, and keeping
 * its four name, plan, tier and amount orders row by row took three times as long as the inserts.
 */
export function startIndexHoliday(db: Database): void {
  if (onIndexHoliday(db)) return;
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('members', 'invoice_lines') AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  const record = statement(db, 'INSERT INTO sync_index_holiday (name, sql) VALUES (?, ?)');
  for (const index of indexes) {
    record.run(index.name, index.sql);
    // Names come from sqlite_schema, not from input; DDL takes no bound parameters.
    db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  }
}

/** Builds the indexes a first sync dropped; nothing when none are missing. Call inside a transaction. */
export function endIndexHoliday(db: Database): void {
  const dropped = statement(db, 'SELECT name, sql FROM sync_index_holiday').all() as { name: string; sql: string }[];
  for (const index of dropped) db.exec(index.sql);
  if (dropped.length > 0) {
    statement(db, 'DELETE FROM sync_index_holiday').run();
    db.exec('ANALYZE members');
  }
}

export function onIndexHoliday(db: Database): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM sync_index_holiday)').pluck().get() === 1;
}
