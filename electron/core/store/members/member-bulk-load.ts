import type { Database, Statement } from 'better-sqlite3';
import { coverageSpan } from '@shared/domain/member-status';
import type { MemberRecord } from '@shared/sandbox/types';
import { dropRosterIndexes, dropUpkeepTriggers, rebuildSearchIndex, restoreIndexes, restoreTriggers } from '../derived-tables';
import type { FieldCipher } from '../field-cipher';
import { statement } from '../statements';
import { appendMemberRow, coverageColumnCount, coverageColumns, memberColumnCount, memberColumns, placeholders } from './member-writes';

/**
 * Rows per INSERT statement. SQLite evaluates a constant `IN (…)` list of a CHECK constraint
 * (relationship, gender, tier) by building a small lookup table once per statement execution, which
 * cost more than the insert itself row by row; many rows per statement share it and also share the
 * call into the driver. 64 × 23 and 128 × 7 values stay far below SQLite's 32,766 bound parameters.
 */
const memberBatchRows = 64;
const coverageBatchRows = 128;

/**
 * Connection settings while a load runs, put back afterwards:
 * - cache_size (KiB when negative): a 250,000-member load writes ~100 MB of rows, indexes and FTS in
 *   one transaction; in the usual 64 MB the dirty pages spill to the WAL and the index and FTS builds
 *   read them back (~2x slower). Memory is only taken as pages are touched.
 * - threads: CREATE INDEX may sort with a helper thread, so the index builds use the second core.
 */
const loadPragmas = { cache_size: -256 * 1024, threads: 2 };

/**
 * Loads many members in one transaction: a first sync or the sandbox seeding. The triggers that keep
 * members_fts and member_tallies current are dropped for the load; the FTS index is rebuilt once at
 * the end (~7x faster than trigger upkeep per row, toolchain.md §2) and the tallies are counted here
 * and added in a few thousand rows. Into an empty roster the secondary indexes are also built once
 * after the rows. Member rowids are assigned here so coverage rows can be batched without reading
 * each member's rowid back. A failure rolls everything back, DDL included.
 */
export function bulkLoadMembers(db: Database, cipher: FieldCipher, groupNumber: string, members: Iterable<MemberRecord>, now: string): number {
  const saved = Object.entries(loadPragmas).map(([name, value]) => {
    const before = Number(db.pragma(name, { simple: true }));
    // Pragma names and values are our constants.
    db.pragma(`${name} = ${value}`);
    return [name, before] as const;
  });
  try {
    return db.transaction(() => {
      const triggers = dropUpkeepTriggers(db);
      const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM members)').pluck().get() === 1;
      const indexes = empty ? dropRosterIndexes(db) : [];
      let nextRef = Number(db.prepare('SELECT coalesce(max(id), 0) FROM members').pluck().get()) + 1;
      const memberRows = batchInserter(db, 'members', `id, ${memberColumns}`, memberColumnCount + 1, memberBatchRows);
      const coverageRows = batchInserter(db, 'coverage_periods', coverageColumns, coverageColumnCount, coverageBatchRows);
      const tallies = new Map<string, number>();
      let count = 0;
      for (const member of members) {
        const memberRef = nextRef++;
        memberRows.values.push(memberRef);
        appendMemberRow(memberRows.values, cipher, groupNumber, member, now);
        for (const period of member.coverage) coverageRows.values.push(memberRef, groupNumber, period.planCode, period.tier, period.startDate, period.endDate, period.reason);
        // Coverage rows reference their member (an immediate foreign key): write them only after it.
        if (memberRows.flushFull()) coverageRows.flushFull();
        const tallyKey = memberTallyKey(member);
        tallies.set(tallyKey, (tallies.get(tallyKey) ?? 0) + 1);
        count++;
      }
      memberRows.flushAll();
      coverageRows.flushAll();
      addTallies(db, groupNumber, tallies);
      rebuildSearchIndex(db);
      restoreIndexes(db, indexes);
      restoreTriggers(db, triggers);
      return count;
    }).immediate();
  } finally {
    for (const [name, before] of saved) db.pragma(`${name} = ${before}`);
  }
}

const tallySeparator = '\u0000';

/** The member_tallies key of a member but the group, as the upkeep triggers (0003) compute it. */
function memberTallyKey(member: MemberRecord): string {
  const current = member.coverage[member.coverage.length - 1];
  const span = coverageSpan(member.coverage);
  return [current?.planCode, current?.tier, member.relationship, span.effectiveDate, span.terminationDate ?? '9999-12-31'].join(tallySeparator);
}

function addTallies(db: Database, groupNumber: string, tallies: ReadonlyMap<string, number>): void {
  const add = statement(
    db,
    `INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  for (const [key, n] of tallies) add.run(groupNumber, ...key.split(tallySeparator), n);
}

interface BatchInserter {
  /** Values of the rows not yet written, row after row; callers push whole rows. */
  readonly values: unknown[];
  /** Writes every full batch pending; true if it wrote any. */
  flushFull(): boolean;
  /** Writes everything pending. */
  flushAll(): void;
}

function batchInserter(db: Database, table: string, columns: string, columnCount: number, batchRows: number): BatchInserter {
  // Table and column names are our constants, never input.
  const many: Statement = statement(db, `INSERT INTO ${table} (${columns}) VALUES ${Array.from({ length: batchRows }, () => placeholders(columnCount)).join(', ')}`);
  const one: Statement = statement(db, `INSERT INTO ${table} (${columns}) VALUES ${placeholders(columnCount)}`);
  const batchValues = batchRows * columnCount;
  const inserter = {
    values: [] as unknown[],
    flushFull(): boolean {
      const pending = inserter.values;
      if (pending.length < batchValues) return false;
      let at = 0;
      for (; pending.length - at >= batchValues; at += batchValues) many.run(pending.slice(at, at + batchValues));
      pending.splice(0, at);
      return true;
    },
    flushAll(): void {
      inserter.flushFull();
      const pending = inserter.values;
      for (let at = 0; at < pending.length; at += columnCount) one.run(pending.slice(at, at + columnCount));
      pending.length = 0;
    },
  };
  return inserter;
}
