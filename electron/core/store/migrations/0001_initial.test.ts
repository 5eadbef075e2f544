import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { initial } from './0001_initial';
import { groupDeskApplicationId } from './application-id';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial]);
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[]).filter((t) => !t.name.startsWith('sqlite_'));

describe('0001_initial', () => {
  it('creates every table of the mission, all STRICT, and marks the file as GroupDesk', () => {
    const db = migrated();
    expect(tables(db).map((t) => t.name)).toEqual([
      'audit_log', 'autopay_enrollments', 'bank_accounts', 'coverage_periods', 'groups', 'invoice_lines', 'invoices', 'members', 'notifications',
      'outbox', 'payments', 'plan_rates', 'plans', 'sessions', 'settings', 'sync_cursors', 'user_groups', 'users', 'wizard_drafts',
    ]);
    for (const table of tables(db)) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(groupDeskApplicationId);
  });

  it('keeps sensitive values only as encrypted BLOBs', () => {
    const db = migrated();
    const columns = (table: string) => db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[];
    expect(columns('members').filter((c) => c.name.startsWith('ssn'))).toEqual([
      { name: 'ssn_encrypted', type: 'BLOB' },
      { name: 'ssn_last4', type: 'TEXT' },
    ]);
    expect(columns('bank_accounts').find((c) => c.name.startsWith('account_number'))).toEqual({ name: 'account_number_encrypted', type: 'BLOB' });
  });

  it('refuses rows that break the rules: unknown group, wrong types, bad relationship, subscriber mismatch', () => {
    const db = migrated();
    db.prepare(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now')`).run();
    db.prepare(`INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0)`).run();
    const insert = db.prepare(`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address,
      plan_code, tier, effective_date, updated_at) VALUES (@id, @group, @sub, @rel, 'A', 'B', '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now')`);
    const ok = { id: '123456789', group: '1234', sub: '123456789', rel: 'subscriber' };
    expect(() => insert.run({ ...ok, group: '9999' })).toThrow(/FOREIGN KEY/);
    expect(() => insert.run({ ...ok, rel: 'cousin' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...ok, rel: 'spouse' })).toThrow(/CHECK/);
    insert.run(ok);
    expect(() => db.prepare(`UPDATE members SET version = 'x'`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('appends coverage history and never rewrites a period', () => {
    const db = migrated();
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0), ('1234', 'P2', 'Plan 2', 'HMO', 1);
      INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
        VALUES (1, '123456789', '1234', '123456789', 'subscriber', 'A', 'B', '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now');
      INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, reason) VALUES (1, '1234', 'P1', 'EMP', '2024-01-01', 'Initial enrollment');`);
    db.prepare(`UPDATE coverage_periods SET end_date = '2024-12-31'`).run();
    expect(() => db.prepare(`UPDATE coverage_periods SET plan_code = 'P2'`).run()).toThrow(/never rewritten/);
  });
});
