import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { addDays } from '@shared/util/dates';
import type { createCore } from '../../core';
import { isQuiet, serviceMembers, startSyncTestService, syncTestCore, waitForSync, type SyncTestService } from '../../test-support/plan-service';

describe('a newborn added "Same as the employee" moves with the employee, desktop to plan and back', () => {
  let test: SyncTestService;
  let admin: ReturnType<typeof createCore>;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 3 });
    admin = syncTestCore(test);
    await waitForSync(admin, isQuiet);
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await test?.close();
  });

  const detail = async (memberId: string): Promise<MemberDetail> => {
    const answer = await admin.call('members.get', { groupNumber: test.groupNumber, memberId });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as MemberDetail;
  };
  const submit = async (transaction: Record<string, unknown>) => {
    expect(await admin.call('transactions.submit', { groupNumber: test.groupNumber, transaction })).toMatchObject({ ok: true });
    await waitForSync(admin, isQuiet);
  };

  it('links the newborn, then takes them to the new address in the employee’s own change', async () => {
    const employee = (await serviceMembers(test)).find((m) => m.relationship === 'subscriber' && m.status === 'active');
    if (!employee) throw new Error('no active employee');
    const born = addDays(test.today, -5);
    await submit({
      kind: 'add_dependent',
      request: { subscriberId: employee.memberId, dependent: { relationship: 'child', firstName: 'Noa', lastName: employee.lastName, dateOfBirth: born, gender: 'F' }, event: { kind: 'birth', date: born } },
    });
    const family = await detail(employee.memberId);
    const newborn = family.dependents.find((d) => d.firstName === 'Noa');
    if (!newborn) throw new Error('the newborn did not come back from the plan');
    expect(newborn.memberId).toMatch(/^\d{9}-\d{2}$/);
    expect(family.dependentHomes.find((h) => h.memberId === newborn.memberId)).toEqual({ memberId: newborn.memberId, address: employee.address, sameAddressAsSubscriber: true });
    expect((await detail(newborn.memberId)).sameAddressAsSubscriber).toBe(true);

    const newHome = { line1: '77 Lakeview Dr', city: 'Toledo', state: 'OH', zip: '43604' };
    await submit({ kind: 'update_demographics', request: { memberId: employee.memberId, changes: { address: newHome }, effectiveDate: test.today, correction: false, moveDependents: [newborn.memberId] } });
    expect(await detail(newborn.memberId)).toMatchObject({ address: newHome, sameAddressAsSubscriber: true, pendingSync: false });
    expect((await serviceMembers(test)).find((m) => m.memberId === newborn.memberId)).toMatchObject({ address: newHome, sameAddressAsSubscriber: true });
  });
});
