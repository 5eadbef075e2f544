import type { Database } from 'better-sqlite3';

/**
 * Tables the members' triggers keep in step with `members`: the FTS index (0002) and the tallies
 * (0003). A bulk load switches the triggers off and calls `rebuildDerivedTables` once instead.
 */
const triggerPrefixes = ['members_fts_', 'member_tallies_'];

export function rebuildDerivedTables(db: Database): void {
  db.exec(`
    INSERT INTO members_fts (members_fts) VALUES ('rebuild');
    DELETE FROM member_tallies;
    INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
      SELECT group_number, plan_code, tier, relationship, effective_date, coalesce(termination_date, '9999-12-31'), count(*)
      FROM members GROUP BY 1, 2, 3, 4, 5, 6;
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
