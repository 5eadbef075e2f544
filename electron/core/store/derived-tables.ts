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
