import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '../../../../shared/sandbox/types';
import { dropRosterIndexes, dropUpkeepTriggers, rebuildDerivedTables, restoreIndexes, restoreTriggers } from '../derived-tables';
import type { FieldCipher } from '../field-cipher';
import { insertMember } from './member-writes';

/**
 * Loads many members in one transaction: a first sync or the sandbox seeding. The triggers that keep
 * members_fts and member_tallies current are dropped for the load and both are rebuilt once at the
 * end, ~7x faster than trigger upkeep per row (toolchain.md §2). Into an empty roster the secondary
 * indexes are also built once after the rows. A failure rolls everything back, DDL included.
 */
export function bulkLoadMembers(db: Database, cipher: FieldCipher, groupNumber: string, members: Iterable<MemberRecord>, now: string): number {
  return db.transaction(() => {
    const triggers = dropUpkeepTriggers(db);
    const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM members)').pluck().get() === 1;
    const indexes = empty ? dropRosterIndexes(db) : [];
    let count = 0;
    for (const member of members) {
      insertMember(db, cipher, groupNumber, member, now);
      count++;
    }
    restoreIndexes(db, indexes);
    rebuildDerivedTables(db);
    restoreTriggers(db, triggers);
    return count;
  }).immediate();
}
