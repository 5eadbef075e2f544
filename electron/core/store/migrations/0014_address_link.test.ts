import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { addressLink } from './0014_address_link';

const home = { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' };

describe('0014_address_link', () => {
  it('links the dependents still at exactly the employee’s address, and no one else', () => {
    const db = new Database(':memory:');
    applyPragmas(db);
    migrate(
      db,
      migrations.filter((m) => m.version < addressLink.version),
    );
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans (group_number, plan_code, name, kind, position) VALUES ('1234', 'PPO-A', 'A', 'PPO', 0);`);
    const insert = db.prepare(`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
      VALUES (?, '1234', '123456789', ?, 'A', 'B', '1990-01-01', 'U', ?, 'PPO-A', 'FAM', '2026-01-01', 'now')`);
    insert.run('123456789', 'subscriber', JSON.stringify(home));
    insert.run('123456789-01', 'spouse', JSON.stringify({ zip: home.zip, state: home.state, city: home.city, line1: home.line1, line2: '' }));
    insert.run('123456789-02', 'child', JSON.stringify({ ...home, line2: 'Dorm 4' }));
    migrate(db, migrations);
    expect(db.prepare('SELECT member_id, same_address_as_subscriber FROM members ORDER BY member_id').all()).toEqual([
      { member_id: '123456789', same_address_as_subscriber: 0 },
      { member_id: '123456789-01', same_address_as_subscriber: 1 },
      { member_id: '123456789-02', same_address_as_subscriber: 0 },
    ]);
  });
});
