import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { initial } from './0001_initial';
import { memberSearch } from './0002_member_search';

function migrated() {
  const db = new Database(':memory:');
  migrate(db, [initial, memberSearch]);
  db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
    INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0);`);
  return db;
}

const addMember = (db: Database.Database, id: number, memberId: string, first: string, last: string) =>
  db
    .prepare(`INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
      VALUES (?, ?, '1234', ?, ?, ?, ?, '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now')`)
    .run(id, memberId, memberId.slice(0, 9), memberId.length === 9 ? 'subscriber' : 'child', first, last);

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
const matches = (db: Database.Database, q: string) => db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH ? ORDER BY rowid`).pluck().all(q);

describe('0002_member_search', () => {
  it('indexes names for prefix search, folding case and diacritics, and follows inserts, renames and deletes', () => {
    const db = migrated();
    addMember(db, 1, '123456789', 'José', 'Muñoz');
    addMember(db, 2, '123456789-01', 'Ana', 'Smith-Jones');
    expect(matches(db, '"mun"*')).toEqual([1]);
    expect(matches(db, '"JOS"*')).toEqual([1]);
    expect(matches(db, '"jon"*')).toEqual([2]);
    db.prepare(`UPDATE members SET last_name = 'Okafor' WHERE id = 2`).run();
    expect(matches(db, '"smi"*')).toEqual([]);
    expect(matches(db, '"oka"*')).toEqual([2]);
    db.prepare(`DELETE FROM members WHERE id = 2`).run();
    expect(matches(db, '"oka"*')).toEqual([]);
    expect(() => db.prepare(`INSERT INTO members_fts (members_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it('answers name-ordered subscriber pages, families, last-4 and member ID prefixes from indexes', () => {
    const db = migrated();
    expect(plan(db, `SELECT member_id FROM members WHERE group_number = '1234' AND relationship = 'subscriber' ORDER BY last_name, first_name, member_id`)).toBe(
      'SEARCH members USING COVERING INDEX subscribers_by_last_name (group_number=?)',
    );
    expect(plan(db, `SELECT * FROM members WHERE group_number = '1234' ORDER BY last_name, first_name, member_id`)).toBe('SEARCH members USING INDEX members_by_last_name (group_number=?)');
    expect(plan(db, `SELECT * FROM members WHERE subscriber_id = '123456789' ORDER BY member_id`)).toBe('SEARCH members USING INDEX members_by_family (subscriber_id=?)');
    expect(plan(db, `SELECT * FROM members WHERE group_number = '1234' AND ssn_last4 = '6789'`)).toBe('SEARCH members USING INDEX members_by_ssn_last4 (group_number=? AND ssn_last4=?)');
    expect(plan(db, `SELECT * FROM members WHERE member_id >= '12345' AND member_id < '12346'`)).toBe('SEARCH members USING INDEX sqlite_autoindex_members_1 (member_id>? AND member_id<?)');
  });
});
