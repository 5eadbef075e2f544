import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { initial } from './0001_initial';
import { memberSearch } from './0002_member_search';
import { memberTallies } from './0003_member_tallies';
import { familySortIndexes } from './0004_family_sort_indexes';

const insertSubscriber = `INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, termination_date, updated_at)
  VALUES (@id, @memberId, '1234', @memberId, 'subscriber', 'A', 'B', @dob, 'F', '{}', 'P1', 'EMP', '2024-01-01', @end, 'now')`;

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);

describe('0004_family_sort_indexes', () => {
  it('indexes subscribers written before the step, and only subscribers', () => {
    const db = new Database(':memory:');
    migrate(db, [initial, memberSearch, memberTallies]);
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0);`);
    db.prepare(insertSubscriber).run({ id: 1, memberId: '123456781', dob: '1990-01-01', end: null });
    db.prepare(insertSubscriber).run({ id: 2, memberId: '123456782', dob: '1970-01-01', end: '2026-03-31' });
    db.prepare(`INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
      VALUES (3, '123456781-01', '1234', '123456781', 'child', 'C', 'B', '1960-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now')`).run();
    migrate(db, [initial, memberSearch, memberTallies, familySortIndexes]);
    const byDob = `SELECT member_id FROM members INDEXED BY subscribers_by_date_of_birth WHERE group_number = '1234' AND relationship = 'subscriber' ORDER BY date_of_birth, last_name, first_name, member_id`;
    expect(db.prepare(byDob).pluck().all()).toEqual(['123456782', '123456781']);
    const byEnd = `SELECT member_id FROM members WHERE group_number = '1234' AND relationship = 'subscriber'
      ORDER BY coalesce(termination_date, '9999-12-31') DESC, last_name DESC, first_name DESC, member_id DESC`;
    expect(db.prepare(byEnd).pluck().all()).toEqual(['123456781', '123456782']);
    expect(plan(db, byEnd)[0]).toBe('SEARCH members USING INDEX subscribers_by_termination_date (group_number=?)');
    expect(db.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
  });
});
