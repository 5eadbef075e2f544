import type { Database } from 'better-sqlite3';

/**
 * Tables the members' triggers keep in step with `members`: the FTS index (0002) and the tallies
 * (0003). A bulk load switches the triggers off, counts its tallies itself and calls
 * `rebuildSearchIndex` once instead.
 */
const triggerPrefixes = ['members_fts_', 'member_tallies_'];

/**
 * FTS5 writes a new segment whenever a rowid arrives out of order. Its own 'rebuild' reads members
 * through whatever index the planner picks (members_by_last_name covers the names), i.e. in name
 * order: a segment every few rows and endless merging, 6x slower at 250,000 members. So the index
 * is emptied and refilled in rowid order instead.
 */
export function rebuildSearchIndex(db: Database): void {
  db.exec(`
    INSERT INTO members_fts (members_fts) VALUES ('delete-all');
    INSERT INTO members_fts (rowid, first_name, last_name) SELECT id, first_name, last_name FROM members NOT INDEXED ORDER BY id;
  `);
}

/**
 * Drops the upkeep triggers, returning their SQL (read back from the schema, so whatever the latest
 * migration defined) for `restoreTriggers`. Call inside the load's transaction.
 */
export function dropUpkeepTriggers(db: Database): string[] {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'members'`).all() as { name: string; sql: string }[];
  const upkeep = triggers.filter((t) => triggerPrefixes.some((prefix) => t.name.startsWith(prefix)));
  // Names come from sqlite_schema, not from input; DDL takes no bound parameters.
  for (const trigger of upkeep) db.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`);
  return upkeep.map((t) => t.sql);
}

export function restoreTriggers(db: Database, sql: readonly string[]): void {
  for (const statement of sql) db.exec(statement);
}

/**
 * Drops the secondary indexes of members and coverage_periods, returning their SQL for
 * `restoreIndexes`. Worth it only into empty tables: building an index once from sorted rows beats
 * 250,000 inserts at random places in it, while for a small load into a large table it would not.
 * Unique constraints stay (they are not droppable and they guard the load).
 */
export function dropRosterIndexes(db: Database): string[] {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('members', 'coverage_periods') AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes.map((i) => i.sql);
}

export const restoreIndexes = restoreTriggers;
