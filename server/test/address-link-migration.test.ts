import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrations } from '../src/store/migrations';

describe('0017_address_link', () => {
  it('links the dependents still at exactly their employee’s address, and no one else', async () => {
    const pg = new PGlite();
    try {
      const upTo = migrations.findIndex((m) => m.name === '0017_address_link');
      for (const migration of migrations.slice(0, upTo)) await pg.exec(migration.sql);
      const home = { line1: '12 Oak St', city: 'Springfield', state: 'IL', zip: '62701' };
      await pg.exec(`INSERT INTO groups (group_number, name, address, region, policy, created_at) VALUES ('1001', 'Acme', '{}', 'Midwest', '{}', now());`);
      const insert = (memberId: string, relationship: string, address: object) =>
        pg.query(
          `INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, updated_at)
           VALUES ($1, '1001', '100100001', $2, 'A', 'B', '1990-01-01', 'U', $3, now())`,
          [memberId, relationship, JSON.stringify(address)],
        );
      await insert('100100001', 'subscriber', home);
      await insert('100100001-01', 'spouse', { ...home, line2: '' });
      await insert('100100001-02', 'child', { ...home, line2: 'Dorm 4' });
      await insert('100100001-03', 'child', { ...home, zip: '62702' });
      await pg.exec(migrations[upTo]?.sql ?? '');
      const linked = await pg.query('SELECT member_id, same_address_as_subscriber FROM members ORDER BY member_id');
      expect(linked.rows).toEqual([
        { member_id: '100100001', same_address_as_subscriber: false },
        { member_id: '100100001-01', same_address_as_subscriber: true },
        { member_id: '100100001-02', same_address_as_subscriber: false },
        { member_id: '100100001-03', same_address_as_subscriber: false },
      ]);
    } finally {
      await pg.close();
    }
  });
});
