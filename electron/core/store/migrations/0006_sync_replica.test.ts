import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

const insertMember = `INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
  VALUES (1, '123456781', '1234', '123456781', 'subscriber', 'A', 'B', '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now')`;

describe('0006_sync_replica', () => {
  it('keeps coverage rows and ids, adds remote ids, and accepts a period replaced on its first day', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 5));
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0);
      ${insertMember};
      INSERT INTO coverage_periods (id, member_ref, group_number, plan_code, tier, start_date, end_date, reason) VALUES (7, 1, '1234', 'P1', 'EMP', '2024-01-01', NULL, 'Initial enrollment');`);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, start_date, remote_id, end_reason FROM coverage_periods').all()).toEqual([{ id: 7, start_date: '2024-01-01', remote_id: null, end_reason: null }]);
    db.prepare(`INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason, remote_id) VALUES (1, '1234', 'P1', 'EMP', '2025-01-01', '2024-12-31', 'Plan change', 9)`).run();
    expect(() => db.prepare(`INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason) VALUES (1, '1234', 'P1', 'EMP', '2025-01-01', '2024-12-30', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, reason, remote_id) VALUES (1, '1234', 'P1', 'EMP', '2025-02-01', 'x', 9)`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE coverage_periods SET reason = 'other' WHERE id = 7`).run()).toThrow(/never rewritten/);
    db.prepare(`UPDATE coverage_periods SET end_date = '2024-12-31', end_reason = 'Plan change' WHERE id = 7`).run();
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});
