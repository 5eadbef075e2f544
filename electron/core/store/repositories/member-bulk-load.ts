import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '../../../../shared/sandbox/types';
import { dropUpkeepTriggers, rebuildDerivedTables, restoreTriggers } from '../derived-tables';
import type { FieldCipher } from '../field-cipher';
import { insertMember } from './member-writes';

/**
 * Loads many members in one transaction: a first sync or the sandbox seeding. The triggers that keep
 * members_fts and member_tallies current are dropped for the load and both are rebuilt once at the
 * end, ~7x faster than trigger upkeep per row (toolchain.md §2). A failure rolls everything back,
 * triggers included.
 */
export function bulkLoadMembers(db: Database, cipher: FieldCipher, groupNumber: string, members: Iterable<MemberRecord>, now: string): number {
  return db.transaction(() => {
    const triggers = dropUpkeepTriggers(db);
    let count = 0;
    for (const member of members) {
      insertMember(db, cipher, groupNumber, member, now);
      count++;
    }
    rebuildDerivedTables(db);
    restoreTriggers(db, triggers);
    return count;
  }).immediate();
}
