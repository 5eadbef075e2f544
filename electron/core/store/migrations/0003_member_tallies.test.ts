import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { initial } from './0001_initial';
import { memberSearch } from './0002_member_search';
import { memberTallies } from './0003_member_tallies';

const insertMember = `INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, termination_date, updated_at)
  VALUES (@id, @memberId, '1234', @memberId, 'subscriber', 'A', 'B', '1990-01-01', 'F', '{}', @plan, 'EMP', '2024-01-01', @end, 'now')`;

const tallies = (db: Database.Database) => db.prepare(`SELECT plan_code, termination_date, n FROM member_tallies WHERE n > 0 ORDER BY 1, 2`).all();

describe('0003_member_tallies', () => {
  it('counts members written before the step', () => {
    const db = new Database(':memory:');
    migrate(db, [initial, memberSearch]);
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0), ('1234', 'P2', 'Plan', 'PPO', 1);`);
    db.prepare(insertMember).run({ id: 1, memberId: '123456781', plan: 'P1', end: null });
    db.prepare(insertMember).run({ id: 2, memberId: '123456782', plan: 'P1', end: null });
    migrate(db, [initial, memberSearch, memberTallies]);
    expect(tallies(db)).toEqual([{ plan_code: 'P1', termination_date: '9999-12-31', n: 2 }]);
  });

  it('follows inserts, plan changes, terminations and deletes', () => {
    const db = new Database(':memory:');
    migrate(db, [initial, memberSearch, memberTallies]);
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0), ('1234', 'P2', 'Plan', 'PPO', 1);`);
    db.prepare(insertMember).run({ id: 1, memberId: '123456781', plan: 'P1', end: null });
    db.prepare(insertMember).run({ id: 2, memberId: '123456782', plan: 'P1', end: null });
    db.prepare(`UPDATE members SET plan_code = 'P2', termination_date = '2026-03-31' WHERE id = 2`).run();
    expect(tallies(db)).toEqual([
      { plan_code: 'P1', termination_date: '9999-12-31', n: 1 },
      { plan_code: 'P2', termination_date: '2026-03-31', n: 1 },
    ]);
    db.prepare(`DELETE FROM members WHERE id = 1`).run();
    expect(tallies(db)).toEqual([{ plan_code: 'P2', termination_date: '2026-03-31', n: 1 }]);
  });

  it('sums a group from the tally key, never scanning members', () => {
    const db = new Database(':memory:');
    migrate(db, [initial, memberSearch, memberTallies]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT sum(n) FROM member_tallies WHERE group_number = '1234' AND termination_date >= '2024-11-27'`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH member_tallies USING PRIMARY KEY (group_number=?)']);
  });
});
