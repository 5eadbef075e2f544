import type { Database, Statement } from 'better-sqlite3';
import type { MemberRecord } from '@shared/sandbox/types';
import { dropRosterIndexes, dropUpkeepTriggers, restoreIndexes, restoreTriggers } from '../derived-tables';
import type { FieldCipher } from '../field-cipher';
import { statement } from '../statements';
import type { Store } from '../store';
import { memberSsnContext } from './member-ssn-context';
import { appendCoverageValues, appendMemberValues, coverageColumnNames, memberColumnNames, memberFromRecord, type NewMember } from './member-row';

/**
 * Rows per INSERT statement. SQLite evaluates a constant `IN (…)` list of a CHECK constraint
 * (relationship, gender, tier) by building a small lookup table once per statement execution, which
 * cost more than the insert itself row by row; many rows per statement share it and also share the
 * call into the driver. 64 × 29 and 128 × 9 values stay far below SQLite's 32,766 bound parameters.
 */
const memberBatchRows = 64;
const coverageBatchRows = 128;

/**
 * Inserts new members with their coverage: the one way rows get into `members`, for the sync, the
 * transactions, the tests and the benchmarks. Runs inside the caller's transaction. Member ids are
 * assigned here so coverage rows can be batched without reading each member's id back.
 *
 * `bulk` (a first sync's page, a load) writes many rows per statement without the members' upkeep
 * triggers: the tallies are counted here and the new FTS rows appended in id order in one statement,
 * both much faster than per-row trigger upkeep (store/derived-tables.ts explains why). Otherwise each
 * row is one statement and the triggers keep the FTS index and the tallies.
 *
 * Subscribers must come before their dependents: a dependent written first would be an open deferred
 * foreign-key violation, and while one is open SQLite looks for children of every member inserted after it.
 * Returns the id of the first member written and how many were.
 */
export function writeNewMembers(store: Pick<Store, 'db' | 'cipher'>, members: Iterable<NewMember>, options: { bulk: boolean }): { firstRef: number; count: number } {
  const { db } = store;
  const { bulk } = options;
  const triggers = bulk ? dropUpkeepTriggers(db) : [];
  const firstRef = Number(statement(db, 'SELECT coalesce(max(id), 0) FROM members').pluck().get()) + 1;
  let nextRef = firstRef;
  const memberRows = batchInserter(db, 'members', ['id', ...memberColumnNames], bulk ? memberBatchRows : 1);
  const coverageRows = batchInserter(db, 'coverage_periods', coverageColumnNames, bulk ? coverageBatchRows : 1);
  const tallies = new Map<string, number>();
  const encryptSsn = maskEncrypter(store.cipher);
  for (const { row, coverage } of members) {
    const ref = nextRef++;
    memberRows.values.push(ref);
    appendMemberValues(memberRows.values, row, encryptSsn);
    for (const period of coverage) appendCoverageValues(coverageRows.values, ref, row.groupNumber, period);
    // Coverage rows reference their member (an immediate foreign key): write them only after it.
    if (memberRows.flushFull()) coverageRows.flushFull();
    if (bulk) {
      // The member_tallies key, as the upkeep triggers (0003) compute it from the row.
      const key = [row.groupNumber, row.planCode, row.tier, row.relationship, row.effectiveDate, row.terminationDate ?? '9999-12-31'].join(tallySeparator);
      tallies.set(key, (tallies.get(key) ?? 0) + 1);
    }
  }
  memberRows.flushAll();
  coverageRows.flushAll();
  if (bulk) {
    addTallies(db, tallies);
    statement(db, 'INSERT INTO members_fts (rowid, first_name, last_name) SELECT id, first_name, last_name FROM members WHERE id >= ? ORDER BY id').run(firstRef);
    restoreTriggers(db, triggers);
  }
  return { firstRef, count: nextRef - firstRef };
}

/**
 * Connection settings while a load runs, put back afterwards:
 * - cache_size (KiB when negative): a 250,000-member load writes ~100 MB of rows, indexes and FTS in
 *   one transaction; in the usual 64 MB the dirty pages spill to the WAL and the index and FTS builds
 *   read them back (~2x slower). Memory is only taken as pages are touched.
 * - threads: CREATE INDEX may sort with a helper thread, so the index builds use the second core.
 */
const loadPragmas = { cache_size: -256 * 1024, threads: 2 };

/**
 * Loads the sandbox data set's members (test and benchmark fixtures) in one transaction of its own,
 * through writeNewMembers in bulk. Into an empty roster the secondary indexes are also built once
 * after the rows. A failure rolls everything back, DDL included.
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
      const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM members)').pluck().get() === 1;
      const indexes = empty ? dropRosterIndexes(db) : [];
      const { count } = writeNewMembers({ db, cipher }, mapIterable(members, (record) => memberFromRecord(record, groupNumber, now)), { bulk: true });
      restoreIndexes(db, indexes);
      return count;
    }).immediate();
  } finally {
    for (const [name, before] of saved) db.pragma(`${name} = ${before}`);
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

const tallySeparator = '\u0000';

function addTallies(db: Database, tallies: ReadonlyMap<string, number>): void {
  const add = statement(
    db,
    `INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  for (const [key, n] of tallies) add.run(...key.split(tallySeparator), n);
}

/**
 * The plan sends SSNs masked (`***-**-6789`): the same mask encrypts to one stored value for as long
 * as the store's cipher lives, which tells nothing the last 4 in the next column do not. A first
 * sync writes 250,000 masks of at most 10,000 forms, so this saves nearly all of the cipher's cost;
 * kept across pages (one page alone repeats few masks). Only masks are kept, never a whole SSN; so
 * a mask is the one value written without its row as context (it tells nothing ssn_last4 does not),
 * and a whole SSN is bound to its member.
 */
const maskCiphers = new WeakMap<FieldCipher, Map<string, Buffer>>();
const maskForm = /^\*\*\*-\*\*-\d{4}$/;

function maskEncrypter(cipher: FieldCipher): (ssn: string, memberId: string) => Buffer {
  let known = maskCiphers.get(cipher);
  if (known === undefined) {
    known = new Map();
    maskCiphers.set(cipher, known);
  }
  const cache = known;
  return (ssn, memberId) => {
    if (!maskForm.test(ssn)) return cipher.encrypt(ssn, memberSsnContext(memberId));
    let encrypted = cache.get(ssn);
    if (encrypted === undefined) {
      encrypted = cipher.encrypt(ssn);
      cache.set(ssn, encrypted);
    }
    return encrypted;
  };
}

interface BatchInserter {
  /** Values of the rows not yet written, row after row; callers push whole rows. */
  readonly values: unknown[];
  /** Writes every full batch pending; true if it wrote any. */
  flushFull(): boolean;
  /** Writes everything pending. */
  flushAll(): void;
}

const placeholders = (count: number): string => `(${Array.from({ length: count }, () => '?').join(', ')})`;

function batchInserter(db: Database, table: string, columns: readonly string[], batchRows: number): BatchInserter {
  const columnCount = columns.length;
  // Table and column names are our constants, never input.
  const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const many: Statement = statement(db, into + Array.from({ length: batchRows }, () => placeholders(columnCount)).join(', '));
  const one: Statement = statement(db, into + placeholders(columnCount));
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
