import { describe, expect, it } from 'vitest';
import { fixtureGroup, fixtureMembers, fixtureStore, member } from '../../test-support/member-fixtures';
import { bulkLoadMembers } from './member-bulk-load';
import { insertMember } from './member-writes';

const triggerNames = (db: ReturnType<typeof fixtureStore>['db']) => db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).pluck().all();
const ftsIds = (db: ReturnType<typeof fixtureStore>['db'], match: string) =>
  db.prepare(`SELECT m.member_id FROM members_fts JOIN members m ON m.id = members_fts.rowid WHERE members_fts MATCH ? ORDER BY 1`).pluck().all(match);

describe('bulk load', () => {
  it('loads members with FTS and tallies rebuilt and the upkeep triggers back in place', () => {
    const store = fixtureStore([]);
    const before = triggerNames(store.db);
    expect(bulkLoadMembers(store.db, store.cipher, fixtureGroup.groupNumber, fixtureMembers(), 'now')).toBe(8);
    expect(triggerNames(store.db)).toEqual(before);
    expect(ftsIds(store.db, '"zim"*')).toEqual(['432000001', '432000001-01', '432000001-02']);
    expect(store.db.prepare(`SELECT sum(n) FROM member_tallies`).pluck().get()).toBe(8);
    // Single-row writes after the load are indexed by the restored triggers.
    insertMember(store.db, store.cipher, fixtureGroup.groupNumber, member({ memberId: '432000009', firstName: 'Nia', lastName: 'Okafor' }), 'now');
    expect(ftsIds(store.db, '"oka"*')).toEqual(['432000009']);
    expect(store.db.prepare(`SELECT sum(n) FROM member_tallies`).pluck().get()).toBe(9);
  });

  it('rolls everything back, triggers included, when a member is refused', () => {
    const store = fixtureStore([]);
    const before = triggerNames(store.db);
    const bad = [...fixtureMembers(), member({ memberId: '432000010', firstName: 'No', lastName: 'Plan', coverage: [{ planCode: 'NOPE', tier: 'EMP', startDate: '2024-01-01', endDate: null, reason: 'x' }] })];
    expect(() => bulkLoadMembers(store.db, store.cipher, fixtureGroup.groupNumber, bad, 'now')).toThrow(/FOREIGN KEY/);
    expect(store.db.prepare(`SELECT count(*) FROM members`).pluck().get()).toBe(0);
    expect(triggerNames(store.db)).toEqual(before);
  });
});

describe('bulk load into an empty roster', () => {
  it('builds the secondary indexes after the rows and leaves the schema as the migrations made it', () => {
    const store = fixtureStore([]);
    const schema = () => store.db.prepare(`SELECT type, name, sql FROM sqlite_schema ORDER BY type, name`).all();
    const before = schema();
    bulkLoadMembers(store.db, store.cipher, fixtureGroup.groupNumber, fixtureMembers(), 'now');
    expect(schema()).toEqual(before);
    expect(store.db.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
  });
});
