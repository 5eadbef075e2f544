import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '../../../../shared/sandbox/types';
import type { FieldCipher } from '../field-cipher';
import { insertMember } from './member-writes';

/**
 * Loads many members in one transaction: a first sync or the sandbox seeding. The triggers that keep
 * members_fts current are dropped for the load and the index is rebuilt once at the end, which is
 * ~7x faster than trigger upkeep per row (toolchain.md §2). The triggers' own SQL is read back from
 * the schema and re-run, so the load follows whatever the latest migration defined. A failure rolls
 * everything back, triggers included.
 */
export function bulkLoadMembers(db: Database, cipher: FieldCipher, groupNumber: string, members: Iterable<MemberRecord>, now: string): number {
  return db.transaction(() => {
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'members' AND sql LIKE '%members_fts%'`).all() as {
      name: string;
      sql: string;
    }[];
    // Names come from sqlite_schema, not from input; DDL takes no bound parameters.
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`);
    let count = 0;
    for (const member of members) {
      insertMember(db, cipher, groupNumber, member, now);
      count++;
    }
    db.exec(`INSERT INTO members_fts (members_fts) VALUES ('rebuild')`);
    for (const trigger of triggers) db.exec(trigger.sql);
    return count;
  }).immediate();
}
