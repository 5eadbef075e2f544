import Database from 'better-sqlite3';
import path from 'node:path';
import type { MemberRecord } from '@shared/sandbox/types';
import { nameSortKey } from '@shared/util/name-sort-key';
import { migrate } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations';
import { dropRosterIndexes, dropUpkeepTriggers, rebuildSearchIndex, restoreIndexes, restoreTriggers } from '../../electron/core/store/derived-tables';
import { applyPragmas } from '../../electron/core/store/pragmas';
import { saveGroup } from '../../electron/core/store/repositories/groups-repository';
import { benchGroup, benchMembers, benchTempDir, buildRosterStore } from './roster-fixture';

/**
 * The core's bulk loader (encryption, constraints, indexes, FTS and tallies) over members generated
 * beforehand, so it compares like for like with the bare loop; and generation + load streamed
 * together, as the sandbox seeding runs it.
 */
export function seedRoster(members: readonly MemberRecord[], subscribers: number): { members: number; load_ms: number; rows_per_s: number; generate_and_load_rows_per_s: number } {
  const loaded = buildRosterStore(members);
  const streamed = buildRosterStore(benchMembers(subscribers));
  return {
    members: loaded.members,
    load_ms: Math.round(loaded.load_ms),
    rows_per_s: Math.round(loaded.members / (loaded.load_ms / 1000)),
    generate_and_load_rows_per_s: Math.round(streamed.members / (streamed.load_ms / 1000)),
  };
}

export function generateBenchMembers(subscribers: number): { members: MemberRecord[]; generate_ms: number } {
  const start = performance.now();
  const members = [...benchMembers(subscribers)];
  return { members, generate_ms: Math.round(performance.now() - start) };
}

/**
 * Bare better-sqlite3 loops over the same generated members and coverage rows, one transaction,
 * WAL file, plain prepared statements, no encryption and no repository code:
 * - `baseline` (the baseline): into plain tables with no constraints, indexes or FTS — the
 *   engine's floor for the same columns and values;
 * - `store_schema`: into the store's own migrated schema (constraints, keys) one row per statement
 *   as a naive loader would, then the same FTS and index builds as the loader and a GROUP BY for
 *   the tallies.
 */
export function bareInsertRates(members: readonly MemberRecord[]): { baseline_rows_per_s: number; store_schema_rows_per_s: number } {
  return { baseline_rows_per_s: rate(members, loadIntoBareTables(members)), store_schema_rows_per_s: rate(members, loadIntoStoreSchema(members)) };
}

const rate = (members: readonly MemberRecord[], ms: number) => Math.round(members.length / (ms / 1000));
const now = new Date().toISOString();

function fileDb(): Database.Database {
  const db = new Database(path.join(benchTempDir('groupdesk-bench-bare-'), 'bare.sqlite3'));
  applyPragmas(db);
  return db;
}

function loadIntoStoreSchema(members: readonly MemberRecord[]): number {
  const db = fileDb();
  migrate(db, migrations);
  saveGroup(db, benchGroup, '2016-01-01', now);
  const insertMember = db.prepare(`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix, date_of_birth, gender,
    ssn_encrypted, ssn_last4, address, phone, email, hire_date, employment_status, plan_code, tier, effective_date, termination_date, updated_at, last_name_key, first_name_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCoverage = db.prepare('INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    const triggers = dropUpkeepTriggers(db);
    const indexes = dropRosterIndexes(db);
    for (const m of members) {
      const last = m.coverage[m.coverage.length - 1];
      const ssn = m.ssn === null ? null : Buffer.from(m.ssn);
      const ref = insertMember.run(m.memberId, benchGroup.groupNumber, m.subscriberId, m.relationship, m.firstName, m.middleName, m.lastName, m.suffix, m.dateOfBirth, m.gender,
        ssn, m.ssn?.slice(-4) ?? null, JSON.stringify(m.address), m.phone, m.email, m.hireDate, m.employmentStatus, last?.planCode, last?.tier, m.coverage[0]?.startDate, last?.endDate ?? null, now,
        nameSortKey(m.lastName), nameSortKey(m.firstName)).lastInsertRowid;
      for (const c of m.coverage) insertCoverage.run(ref, benchGroup.groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason);
    }
    rebuildSearchIndex(db);
    db.exec(`INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
      SELECT group_number, plan_code, tier, relationship, effective_date, coalesce(termination_date, '9999-12-31'), count(*) FROM members GROUP BY 1, 2, 3, 4, 5, 6`);
    restoreIndexes(db, indexes);
    restoreTriggers(db, triggers);
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

function loadIntoBareTables(members: readonly MemberRecord[]): number {
  const db = fileDb();
  db.exec(`CREATE TABLE members (id INTEGER PRIMARY KEY, member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix,
    date_of_birth, gender, ssn, address, phone, email, hire_date, employment_status, plan_code, tier, effective_date, termination_date, updated_at);
    CREATE TABLE coverage_periods (id INTEGER PRIMARY KEY, member_ref, group_number, plan_code, tier, start_date, end_date, reason);`);
  const insertMember = db.prepare('INSERT INTO members VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertCoverage = db.prepare('INSERT INTO coverage_periods VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (const m of members) {
      const last = m.coverage[m.coverage.length - 1];
      const ref = insertMember.run(m.memberId, benchGroup.groupNumber, m.subscriberId, m.relationship, m.firstName, m.middleName, m.lastName, m.suffix, m.dateOfBirth, m.gender, m.ssn,
        JSON.stringify(m.address), m.phone, m.email, m.hireDate, m.employmentStatus, last?.planCode, last?.tier, m.coverage[0]?.startDate, last?.endDate, now).lastInsertRowid;
      for (const c of m.coverage) insertCoverage.run(ref, benchGroup.groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason);
    }
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}
