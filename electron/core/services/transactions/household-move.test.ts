import { describe, expect, it } from 'vitest';
import { nextDelivery, recordRejected } from '../../outbox/outbox-delivery';
import { fileStore, replicaState, testNow, transactionsCore } from '../../test-support/transactions-test-store';
import type { Store } from '../../store/store';

const group = '4321';
const oldHome = { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' };
const newHome = { line1: '80 River Rd', city: 'Kettering', state: 'OH', zip: '45429' };
const employee = '432000001';
const spouse = '432000001-01';
const child = '432000001-02';

const home = (store: Store, memberId: string) =>
  store.db.prepare('SELECT address, same_address_as_subscriber AS linked, pending_sync AS pending FROM members WHERE member_id = ?').get(memberId) as { address: string; linked: number; pending: number };
const where = (store: Store, memberId: string) => {
  const row = home(store, memberId);
  return { address: JSON.parse(row.address) as unknown, linked: row.linked, pending: row.pending };
};
/** The Zimmers all live at 2 Elm St; the spouse was entered "Same as the employee", the child's address was typed in. */
function zimmers(): Store {
  const store = fileStore();
  store.db.prepare('UPDATE members SET same_address_as_subscriber = 1 WHERE member_id = ?').run(spouse);
  return store;
}
const move = (moveDependents?: string[]) => ({
  kind: 'update_demographics',
  request: { memberId: employee, changes: { address: newHome }, effectiveDate: '2026-11-27', correction: false, ...(moveDependents === undefined ? {} : { moveDependents }) },
});

describe("an employee's move in the pending change", () => {
  it('moves the chosen dependents with the employee, pending, linked, and sends the choice to the plan', async () => {
    const store = zimmers();
    const core = transactionsCore(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: move([spouse, child]) });
    expect([where(store, employee), where(store, spouse), where(store, child)]).toEqual([
      { address: newHome, linked: 0, pending: 1 },
      { address: newHome, linked: 1, pending: 1 },
      { address: newHome, linked: 1, pending: 1 },
    ]);
    expect(nextDelivery(store)?.body).toMatchObject({ memberId: employee, changes: { address: newHome }, moveDependents: [spouse, child] });
    expect(await core.ok('transactions.get', { groupNumber: group, id })).toMatchObject({ memberIds: [employee, spouse, child] });
  });

  it('lets the linked dependent follow unasked, and leaves the unlinked one where they were', async () => {
    const store = zimmers();
    await transactionsCore(store).ok('transactions.submit', { groupNumber: group, transaction: move() });
    expect(where(store, spouse)).toEqual({ address: newHome, linked: 1, pending: 1 });
    expect(where(store, child)).toEqual({ address: oldHome, linked: 0, pending: 0 });
  });

  it('unlinks a linked dependent who stays behind', async () => {
    const store = zimmers();
    await transactionsCore(store).ok('transactions.submit', { groupNumber: group, transaction: move([]) });
    expect(where(store, spouse)).toEqual({ address: oldHome, linked: 0, pending: 1 });
  });

  it('puts every dependent back where they lived when the change is cancelled or the plan refuses it', async () => {
    for (const undo of ['cancel', 'reject'] as const) {
      const store = zimmers();
      const core = transactionsCore(store);
      const before = replicaState(store);
      const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: move([spouse, child]) });
      if (undo === 'cancel') await core.ok('transactions.cancel', { groupNumber: group, id });
      else recordRejected(store, id, { code: 'RULE', message: 'No.' }, testNow);
      expect(replicaState(store)).toEqual(before);
    }
  });

  it('refuses a dependent who lives elsewhere, changing nothing', async () => {
    const store = zimmers();
    store.db.prepare('UPDATE members SET address = ? WHERE member_id = ?').run(JSON.stringify({ line1: '1 College Ave', city: 'Oxford', state: 'OH', zip: '45056' }), child);
    const before = replicaState(store);
    const result = await transactionsCore(store).call('transactions.submit', { groupNumber: group, transaction: move([spouse, child]) });
    expect(result).toMatchObject({ ok: false, error: { code: 'RULE', fields: { moveDependents: expect.any(String) } } });
    expect(replicaState(store)).toEqual(before);
  });

  it("gives a dependent's own new address and stops them following", async () => {
    const store = zimmers();
    await transactionsCore(store).ok('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'update_demographics', request: { memberId: spouse, changes: { address: newHome }, effectiveDate: '2026-11-27', correction: false } },
    });
    expect(where(store, spouse)).toEqual({ address: newHome, linked: 0, pending: 1 });
  });

  it('links the dependents of an enrollment entered "Same as the employee"', async () => {
    const store = zimmers();
    const { memberIds } = await transactionsCore(store).ok<{ memberIds: string[] }>('transactions.submit', {
      groupNumber: group,
      transaction: {
        kind: 'enroll',
        request: {
          subscriber: { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555-11-2222', address: oldHome, hireDate: '2026-10-01', employmentStatus: 'FT' },
          planCode: 'PPO-A',
          effectiveDate: '2026-12-01',
          dependents: [
            { firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child' },
            { firstName: 'Ola', lastName: 'Okafor', dateOfBirth: '1989-01-01', gender: 'M', relationship: 'spouse', address: newHome },
          ],
        },
      },
    });
    expect(memberIds.map((id) => home(store, id).linked)).toEqual([0, 1, 0]);
  });
});
