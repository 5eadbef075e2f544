import { describe, expect, it } from 'vitest';
import { generateMembers } from '@shared/sandbox/generator';
import { fixtureGroup, fixtureMembers, fixtureStore, fixtureToday, member } from '../../test-support/member-fixtures';
import { bulkLoadMembers } from './member-bulk-writer';
import { insertMember } from './members-repository';
import { memberSsnContext } from './member-ssn-context';

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

describe('bulk load in batches', () => {
  // Hundreds of members: several full batches of members and coverage rows and a remainder of each.
  const generated = () => [...generateMembers({ seed: 3, today: fixtureToday, groupNumber: fixtureGroup.groupNumber, plans: fixtureGroup.plans, subscribers: 120 })];
  const rows = (store: ReturnType<typeof fixtureStore>) => ({
    members: store.db.prepare(`SELECT id, member_id, subscriber_id, relationship, first_name, last_name, ssn_last4, address, plan_code, tier, effective_date, termination_date FROM members ORDER BY id`).all(),
    coverage: store.db.prepare(`SELECT member_ref, plan_code, tier, start_date, end_date, reason FROM coverage_periods ORDER BY id`).all(),
    tallies: store.db.prepare(`SELECT * FROM member_tallies WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6`).all(),
    fts: store.db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"a"*' ORDER BY rowid`).pluck().all(),
  });

  it('writes the same rows, tallies and search index as inserting member by member, the triggers’ way', () => {
    const members = generated();
    expect(members.length).toBeGreaterThan(200);
    const bulk = fixtureStore([]);
    const ssns = new Map(members.map((m) => [m.memberId, m.ssn]));
    bulkLoadMembers(bulk.db, bulk.cipher, fixtureGroup.groupNumber, members, 'now');
    expect(rows(bulk)).toEqual(rows(fixtureStore(members)));
    const stored = bulk.db.prepare(`SELECT member_id, ssn_encrypted FROM members WHERE ssn_encrypted IS NOT NULL`).all() as { member_id: string; ssn_encrypted: Buffer }[];
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(bulk.cipher.decrypt(row.ssn_encrypted, memberSsnContext(row.member_id))).toBe(ssns.get(row.member_id));
    // FTS5 throws SQLITE_CORRUPT_VTAB when its index and the members disagree.
    expect(() => bulk.db.prepare(`INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    expect(bulk.db.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
  });

  it('adds to a roster that already has members, after its rowids, counting onto its tallies', () => {
    const members = generated();
    const half = members.findIndex((m, i) => i > members.length / 2 && m.relationship === 'subscriber');
    const bulk = fixtureStore(members.slice(0, half));
    bulkLoadMembers(bulk.db, bulk.cipher, fixtureGroup.groupNumber, members.slice(half), 'now');
    expect(rows(bulk)).toEqual(rows(fixtureStore(members)));
  });

  it('puts the connection’s cache size back', () => {
    const store = fixtureStore([]);
    const before = store.db.pragma('cache_size', { simple: true });
    bulkLoadMembers(store.db, store.cipher, fixtureGroup.groupNumber, generated(), 'now');
    expect(store.db.pragma('cache_size', { simple: true })).toBe(before);
  });
});
