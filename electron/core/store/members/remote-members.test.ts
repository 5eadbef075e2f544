import { describe, expect, it } from 'vitest';
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';
import { fixtureGroup, fixtureStore } from '../../test-support/member-fixtures';
import { applyDeferredRemote } from './deferred-remote';
import { applyRemoteMembers, type RemoteMember } from './remote-members';

const at = '2026-11-27T09:00:00.000Z';

function snapshot(memberId: string, version: number, changes: Partial<MemberSnapshot> = {}): MemberSnapshot {
  return {
    memberId,
    groupNumber: fixtureGroup.groupNumber,
    subscriberId: memberId.slice(0, 9),
    relationship: 'subscriber',
    firstName: 'Walter',
    middleName: null,
    lastName: 'Zimmer',
    suffix: null,
    dateOfBirth: '1980-05-05',
    gender: 'M',
    ssn: '***-**-6789',
    address: { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' },
    phone: null,
    email: null,
    hireDate: null,
    employmentStatus: null,
    employeeClass: null,
    disabled: false,
    version,
    updatedAt: at,
    ...changes,
  };
}

const coverage = (id: number, memberId: string, startDate: string, endDate: string | null = null): CoverageSnapshot => ({
  id,
  memberId,
  planCode: 'HMO-Z',
  tier: 'EMP',
  startDate,
  endDate,
  reason: 'Initial enrollment',
  endReason: endDate === null ? null : 'Plan change',
});

const remote = (memberId: string, member: MemberSnapshot | null, periods: CoverageSnapshot[] = []): RemoteMember => ({
  memberId,
  snapshot: member,
  committedAt: at,
  coverage: new Map(periods.map((p) => [p.id, { snapshot: p, committedAt: at }])),
  wholeHistory: false,
});

const row = (store: ReturnType<typeof fixtureStore>, memberId: string) =>
  store.db.prepare('SELECT last_name, version, pending_sync, plan_code, effective_date, termination_date FROM members WHERE member_id = ?').get(memberId);
const held = (store: ReturnType<typeof fixtureStore>) => store.db.prepare('SELECT entity, entity_id FROM remote_pending ORDER BY 1, 2').all();

describe('applying remote members', () => {
  it('holds a pending member’s remote row, and applies it once the local change is resolved', () => {
    const store = fixtureStore();
    store.db.prepare(`UPDATE members SET pending_sync = 1, last_name = 'Localedit' WHERE member_id = '432000001'`).run();
    expect(applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000001', snapshot('432000001', 2, { lastName: 'Remote' }))])).toEqual({ written: 0, held: 1 });
    expect(row(store, '432000001')).toMatchObject({ last_name: 'Localedit', version: 1, pending_sync: 1 });
    expect(held(store)).toEqual([{ entity: 'member', entity_id: '432000001' }]);

    // Still pending: it keeps waiting.
    applyDeferredRemote(store, ['432000001']);
    expect(row(store, '432000001')).toMatchObject({ last_name: 'Localedit' });

    store.db.prepare(`UPDATE members SET pending_sync = 0, last_name = 'Zimmer' WHERE member_id = '432000001'`).run();
    applyDeferredRemote(store, ['432000001']);
    expect(row(store, '432000001')).toMatchObject({ last_name: 'Remote', version: 2, pending_sync: 0 });
    expect(held(store)).toEqual([]);
  });

  it('never replaces a newer local version with an older remote one', () => {
    const store = fixtureStore();
    applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000001', snapshot('432000001', 3, { lastName: 'Three' }))]);
    applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000001', snapshot('432000001', 2, { lastName: 'Two' }))]);
    expect(row(store, '432000001')).toMatchObject({ last_name: 'Three', version: 3 });
  });

  it('keeps a new member until its coverage arrives, then inserts it with its span, searchable and counted', () => {
    const store = fixtureStore();
    expect(applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000077', snapshot('432000077', 1, { firstName: 'Nadia', lastName: 'Quorn' }))])).toEqual({ written: 0, held: 1 });
    expect(row(store, '432000077')).toBeUndefined();
    applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000077', null, [coverage(501, '432000077', '2024-01-01', '2025-12-31'), coverage(502, '432000077', '2026-01-01')])]);
    expect(row(store, '432000077')).toEqual({ last_name: 'Quorn', version: 1, pending_sync: 0, plan_code: 'HMO-Z', effective_date: '2024-01-01', termination_date: null });
    expect(store.db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"quor"*'`).all()).toHaveLength(1);
    expect(held(store)).toEqual([]);
    // A period the plan ends later is end-dated on the same row, and the span follows.
    applyRemoteMembers(store, fixtureGroup.groupNumber, [remote('432000077', null, [coverage(502, '432000077', '2026-01-01', '2026-11-30')])]);
    expect(row(store, '432000077')).toMatchObject({ termination_date: '2026-11-30' });
    expect(store.db.prepare(`SELECT count(*) FROM coverage_periods WHERE remote_id IN (501, 502)`).pluck().get()).toBe(2);
  });

  it('inserts a page of new members in bulk with the same tallies and search rows as one by one', () => {
    const bulk = fixtureStore([]);
    const single = fixtureStore([]);
    const members = Array.from({ length: 300 }, (_, i) => {
      const id = String(433000000 + i);
      return remote(id, snapshot(id, 1, { firstName: `Name${String.fromCharCode(97 + (i % 26))}`, lastName: `Family${String.fromCharCode(97 + (i % 7))}` }), [coverage(1000 + i, id, '2025-01-01')]);
    });
    applyRemoteMembers(bulk, fixtureGroup.groupNumber, members);
    for (const m of members) applyRemoteMembers(single, fixtureGroup.groupNumber, [m]);
    const read = (store: ReturnType<typeof fixtureStore>) => ({
      tallies: store.db.prepare('SELECT * FROM member_tallies WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6').all(),
      fts: store.db.prepare(`SELECT rowid FROM members_fts WHERE members_fts MATCH '"family"*' ORDER BY rowid`).pluck().all(),
      triggers: store.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).pluck().all(),
    });
    expect(read(bulk)).toEqual(read(single));
    expect(() => bulk.db.prepare(`INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });
});
