import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import type { MemberSnapshot } from '@shared/plan-api/members';
import { fixtureGroup, fixtureStore, fixtureToday, member } from '../../test-support/member-fixtures';
import { migrate } from '../../store/migrate';
import { migrations } from '../../store/migrations';
import { writeEditableValues } from '../../store/members/members-repository';
import { applyRemoteMembers } from '../../store/members/remote-members';
import { rosterWhere } from './roster-filter';
import { listRoster } from './roster-list';
import { orderTerms } from './roster-order';
import { parseSearchText } from './search-text';

/** Subscribers whose names SQLite's byte order put out of place: every accented one after Z. */
const names = [
  { memberId: '432000011', lastName: 'Wu', firstName: 'Lin' },
  { memberId: '432000012', lastName: 'Ødegaard', firstName: 'Ingrid' },
  { memberId: '432000013', lastName: 'Álvarez', firstName: 'Rosa' },
  { memberId: '432000014', lastName: "O'Brien", firstName: 'Sean' },
  { memberId: '432000015', lastName: 'de la Cruz', firstName: 'Maria' },
  { memberId: '432000016', lastName: 'Zimmer', firstName: 'Walter' },
  { memberId: '432000017', lastName: 'Okafor', firstName: 'Émile' },
  { memberId: '432000018', lastName: 'Okafor', firstName: 'Ada' },
];
const expected = ['Álvarez Rosa', 'de la Cruz Maria', "O'Brien Sean", 'Ødegaard Ingrid', 'Okafor Ada', 'Okafor Émile', 'Wu Lin', 'Zimmer Walter'];

const rosterNames = (store: ReturnType<typeof fixtureStore>, input: Record<string, unknown> = {}) =>
  listRoster(store.db, contract['members.list'].input.parse({ groupNumber: '4321', grouping: 'none', ...input }), fixtureToday).rows.map((r) => `${r.lastName} ${r.firstName}`);

describe('names in the locale’s order', () => {
  it('sorts accented names among their letter, apostrophes and particles where a person files them, both ways', () => {
    const store = fixtureStore(names.map((n) => member(n)));
    expect(rosterNames(store)).toEqual(expected);
    expect(rosterNames(store, { sort: { by: 'lastName', dir: 'desc' } })).toEqual([...expected].reverse());
    expect(listRoster(store.db, contract['members.list'].input.parse({ groupNumber: '4321' }), fixtureToday).rows.map((r) => r.lastName)).toEqual([
      'Álvarez', 'de la Cruz', "O'Brien", 'Ødegaard', 'Okafor', 'Okafor', 'Wu', 'Zimmer',
    ]);
    expect(rosterNames(store, { sort: { by: 'firstName', dir: 'asc' } })[0]).toBe('Okafor Ada');
  });

  it('still reads the flat name order from an index, either way (families: roster-plan.test.ts)', () => {
    const store = fixtureStore(names.map((n) => member(n)));
    const { where, params } = rosterWhere({ groupNumber: '4321', today: fixtureToday, terms: parseSearchText(undefined) });
    for (const dir of ['asc', 'desc'] as const) {
      const sql = `EXPLAIN QUERY PLAN SELECT m.member_id FROM members m WHERE ${where} ORDER BY ${orderTerms('lastName', dir, 'm').join(', ')} LIMIT 100`;
      const steps = (store.db.prepare(sql).all(params) as { detail: string }[]).map((r) => r.detail);
      expect(steps[0]).toBe('SEARCH m USING INDEX members_by_last_name (group_number=?)');
      expect(steps.join('\n')).not.toContain('TEMP B-TREE');
    }
  });

  it('files a member again when a local change or the plan renames them', () => {
    const store = fixtureStore(names.map((n) => member(n)));
    // A pending demographic change: Wu becomes Ávila.
    writeEditableValues(store.db, '432000011', { lastName: 'Ávila' }, true);
    expect(rosterNames(store).slice(0, 2)).toEqual(['Álvarez Rosa', 'Ávila Lin']);
    // The plan's own row for Zimmer, now Ødegaard-Zimmer.
    const snapshot: MemberSnapshot = {
      memberId: '432000016', groupNumber: fixtureGroup.groupNumber, subscriberId: '432000016', relationship: 'subscriber', firstName: 'Walter', middleName: null,
      lastName: 'Ødegaard-Zimmer', suffix: null, dateOfBirth: '1980-05-05', gender: 'M', ssn: null, address: { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' },
      phone: null, email: null, hireDate: null, employmentStatus: null, employeeClass: null, disabled: false, version: 2, updatedAt: '2026-11-27T09:00:00.000Z',
    };
    store.db.transaction(() => applyRemoteMembers(store, '4321', [{ memberId: '432000016', snapshot, committedAt: snapshot.updatedAt, coverage: new Map(), wholeHistory: false }]))();
    expect(rosterNames(store)).toEqual(['Álvarez Rosa', 'Ávila Lin', 'de la Cruz Maria', "O'Brien Sean", 'Ødegaard Ingrid', 'Ødegaard-Zimmer Walter', 'Okafor Ada', 'Okafor Émile']);
  });

  it('gives members written before the step their keys when the store is upgraded', () => {
    const db = new Database(':memory:');
    const before = migrations.filter((m) => m.version < 13);
    migrate(db, before);
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans VALUES ('1234', 'P1', 'Plan', 'PPO', 0);`);
    const insert = db.prepare(`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, updated_at)
      VALUES (?, '1234', ?, 'subscriber', ?, ?, '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', 'now')`);
    for (const n of names) insert.run(n.memberId, n.memberId, n.firstName, n.lastName);
    migrate(db, migrations);
    const ordered = db.prepare(`SELECT last_name || ' ' || first_name FROM members INDEXED BY members_by_last_name WHERE group_number = '1234' ORDER BY last_name_key, first_name_key, member_id`).pluck().all();
    expect(ordered).toEqual(expected);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });
});
