import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MemberRecord } from '../../shared/sandbox/types';
import { benchMembers, buildRosterStore } from './roster-fixture';

/** Generate + load through the core's bulk loader (encryption, indexes, constraints, FTS rebuild). */
export function seedRoster(): { members: number; load_ms: number; rows_per_s: number } {
  const store = buildRosterStore();
  return { members: store.members, load_ms: store.load_ms, rows_per_s: Math.round(store.members / (store.load_ms / 1000)) };
}

/**
 * The floor to compare with: the same members and coverage rows, already generated, inserted by a
 * plain prepared-statement loop into a WAL file with bare tables (no constraints, indexes, FTS or
 * encryption) in one transaction.
 */
export function bareInsertRate(): { baseline_rows_per_s: number; baseline_ms: number; generate_ms: number } {
  const generateStart = performance.now();
  const members: MemberRecord[] = [...benchMembers()];
  const generate_ms = Math.round(performance.now() - generateStart);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-bench-bare-'));
  const db = new Database(path.join(dir, 'bare.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE members (id INTEGER PRIMARY KEY, member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix,
    date_of_birth, gender, ssn, address, phone, email, hire_date, employment_status, plan_code, tier, effective_date, termination_date, updated_at);
    CREATE TABLE coverage_periods (id INTEGER PRIMARY KEY, member_ref, group_number, plan_code, tier, start_date, end_date, reason);`);
  const insertMember = db.prepare('INSERT INTO members VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertCoverage = db.prepare('INSERT INTO coverage_periods VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const start = performance.now();
  db.transaction(() => {
    for (const m of members) {
      const last = m.coverage[m.coverage.length - 1];
      const first = m.coverage[0];
      const ref = insertMember.run(m.memberId, '100234', m.subscriberId, m.relationship, m.firstName, m.middleName, m.lastName, m.suffix, m.dateOfBirth, m.gender, m.ssn,
        JSON.stringify(m.address), m.phone, m.email, m.hireDate, m.employmentStatus, last?.planCode, last?.tier, first?.startDate, last?.endDate, now).lastInsertRowid;
      for (const c of m.coverage) insertCoverage.run(ref, '100234', c.planCode, c.tier, c.startDate, c.endDate, c.reason);
    }
  })();
  const baseline_ms = performance.now() - start;
  db.close();
  return { baseline_rows_per_s: Math.round(members.length / (baseline_ms / 1000)), baseline_ms: Math.round(baseline_ms), generate_ms };
}
