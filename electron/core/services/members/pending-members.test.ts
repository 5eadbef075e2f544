import { describe, expect, it } from 'vitest';
import { rosterQuery } from '@shared/contract/methods/members';
import { fixtureToday } from '../../test-support/member-fixtures';
import { queueTransaction } from '../transactions/queue-change';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import { findMemberDetail } from './member-detail';
import { searchMembers } from './member-search';
import { listRoster } from './roster-list';

const address = { line1: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };

/** A family enrolled offline and a termination, both waiting for the plan. */
function storeWithPendingChanges() {
  const store = fileStore();
  const env = { store, today: fixtureToday, now: testNow };
  const enrolled = queueTransaction(env, '4321', {
    kind: 'enroll',
    request: {
      subscriber: { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555112222', address, hireDate: '2026-10-01', employmentStatus: 'FT' },
      planCode: 'PPO-A',
      effectiveDate: '2026-12-01',
      dependents: [{ firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child', disabled: false }],
    },
  });
  queueTransaction(env, '4321', { kind: 'terminate', request: { memberId: '432000002', reason: 'quit', requestedDate: '2026-11-20' } });
  return { store, subscriberId: `NEW-${enrolled.id}` };
}

describe('members waiting for the plan', () => {
  it('show in the roster as pending, the enrolled family grouped under its provisional subscriber', () => {
    const { store, subscriberId } = storeWithPendingChanges();
    const page = listRoster(store.db, rosterQuery.parse({ groupNumber: '4321', query: 'okafor' }), fixtureToday);
    expect(page.rows.map((r) => [r.memberId, r.subscriberId, r.status, r.tier, r.pendingSync])).toEqual([
      [subscriberId, subscriberId, 'pending', 'ECH', true],
      [`${subscriberId}-01`, subscriberId, 'pending', 'ECH', true],
    ]);
    const abbott = listRoster(store.db, rosterQuery.parse({ groupNumber: '4321', query: 'abbott' }), fixtureToday).rows.find((r) => r.memberId === '432000002');
    expect(abbott).toMatchObject({ status: 'active', terminationDate: '2026-11-30', pendingSync: true });
  });

  it('are found by their provisional ID, in any case', () => {
    const { store, subscriberId } = storeWithPendingChanges();
    expect(searchMembers(store.db, '4321', subscriberId.toLowerCase(), 10, fixtureToday).map((r) => r.memberId)).toEqual([subscriberId, `${subscriberId}-01`]);
    expect(searchMembers(store.db, '4321', 'NEW-', 10, fixtureToday)).toHaveLength(2);
    expect(listRoster(store.db, rosterQuery.parse({ groupNumber: '4321', query: `${subscriberId}-0` }), fixtureToday).rows.map((r) => r.memberId)).toEqual([`${subscriberId}-01`]);
  });

  it('open in member detail with their pending coverage and family', () => {
    const { store, subscriberId } = storeWithPendingChanges();
    const detail = findMemberDetail(store.db, '4321', subscriberId, fixtureToday);
    expect(detail).toMatchObject({
      memberId: subscriberId,
      ssn: '***-**-2222',
      status: 'pending',
      version: 0,
      pendingSync: true,
      coverageHistory: [{ planCode: 'PPO-A', tier: 'ECH', startDate: '2026-12-01', endDate: null, reason: 'Initial enrollment' }],
      dependents: [{ memberId: `${subscriberId}-01`, firstName: 'Ben', pendingSync: true }],
    });
    expect(findMemberDetail(store.db, '4321', '432000002', fixtureToday)).toMatchObject({ pendingSync: true, terminationDate: '2026-11-30', coverageHistory: [{ endDate: '2026-11-30' }] });
  });
});
