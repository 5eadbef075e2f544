import { describe, expect, it } from 'vitest';
import { addDependentRequest, enrollRequest, idCardRequest, reinstateRequest, terminateRequest, updateDemographicsRequest } from '@shared/plan-api/eligibility';
import { markAttemptFailed, nextDelivery } from './outbox-delivery';
import { fileStore, testNow, transactionsCore } from '../../test-support/transactions-test-store';

const address = { line1: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };

/** One transaction of each kind, and the plan-api schema its route parses the body with. */
const kinds = [
  {
    transaction: {
      kind: 'enroll',
      request: {
        subscriber: { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555-11-2222', address, hireDate: '2026-10-01', employmentStatus: 'FT' },
        planCode: 'HMO-Z',
        effectiveDate: '2026-12-01',
        dependents: [{ firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child', ssn: '555-11-3333' }],
      },
    },
    schema: enrollRequest,
    path: 'enrollments',
  },
  {
    transaction: {
      kind: 'add_dependent',
      request: { subscriberId: '432000002', dependent: { firstName: 'Ivy', lastName: 'Abbott', dateOfBirth: '2026-11-20', gender: 'F', relationship: 'child' }, event: { kind: 'birth', date: '2026-11-20' } },
    },
    schema: addDependentRequest,
    path: 'dependents',
  },
  { transaction: { kind: 'terminate', request: { memberId: '432000001-01', reason: 'divorce', requestedDate: '2026-11-20' } }, schema: terminateRequest, path: 'terminations' },
  { transaction: { kind: 'reinstate', request: { memberId: '432000005', note: 'Rehired' } }, schema: reinstateRequest, path: 'reinstatements' },
  {
    transaction: { kind: 'update_demographics', request: { memberId: '432000003', changes: { phone: '555-123-4567', address }, effectiveDate: '2026-11-27', correction: false } },
    schema: updateDemographicsRequest,
    path: 'demographics',
  },
  { transaction: { kind: 'id_cards', request: { memberIds: ['432000001', '432000003'], reason: 'new_card', shipTo: 'employer' } }, schema: idCardRequest, path: 'id-card-requests' },
] as const;

describe('what the sync engine sends', () => {
  it('is, for every kind, a body the plan service’s own schema accepts, sent in the order queued', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const ids: number[] = [];
    for (const { transaction } of kinds) ids.push((await core.ok<{ id: number }>('transactions.submit', { groupNumber: '4321', transaction })).id);
    for (const [i, { schema, path, transaction }] of kinds.entries()) {
      const delivery = nextDelivery(store);
      expect(delivery).toMatchObject({ id: ids[i], path, kind: transaction.kind });
      expect(() => schema.parse(delivery?.body)).not.toThrow();
      // Take it out of the way to see the next one (as an answer would).
      store.db.prepare(`UPDATE outbox SET status = 'accepted' WHERE id = ?`).run(ids[i]);
    }
    expect(nextDelivery(store)).toBeNull();
  });

  it('keeps a failed try at the head of the queue', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const first = await core.ok<{ id: number }>('transactions.submit', { groupNumber: '4321', transaction: kinds[5].transaction });
    await core.ok('transactions.submit', { groupNumber: '4321', transaction: kinds[2].transaction });
    markAttemptFailed(store, first.id, 'timeout', testNow);
    expect(nextDelivery(store)?.id).toBe(first.id);
  });
});
