import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPage } from '@shared/contract/methods/transactions';
import type { MemberDetail } from '@shared/contract/schemas/member';
import type { MemberView } from '@shared/plan-api/members';
import { addMonths, firstOfMonth } from '@shared/util/dates';
import { isQuiet, serviceMembers, startSyncTestService, syncTestCore, waitForSync, type SyncTestService } from '../../test-support/plan-service';

/** The last covered day of the member's latest coverage period, or null while it runs. */
const endOf = (m: MemberView): string | null => m.coverage.reduce<{ startDate: string; endDate: string | null } | null>((last, c) => (last === null || c.startDate > last.startDate ? c : last), null)?.endDate ?? null;

/** fetch with a switch: while `down`, every request fails as an unreachable host does, so a queued change waits. */
function switchableNetwork() {
  const net = {
    down: false,
    fetch: (async (url, init) => {
      if (net.down) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      return fetch(url, init);
    }) as typeof fetch,
  };
  return net;
}

describe('reinstating a terminated employee against the plan service', () => {
  let test: SyncTestService;
  let employee: MemberView;
  let endedOn: string;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 12 });
    const members = await serviceMembers(test);
    const covered = (m: MemberView) => m.status === 'active' && endOf(m) === null;
    const withFamily = members.find((m) => m.relationship === 'subscriber' && covered(m) && members.some((d) => d.subscriberId === m.memberId && d.relationship !== 'subscriber' && covered(d)));
    if (withFamily === undefined) throw new Error('no active employee with dependents');
    employee = withFamily;
    // Ended last month (the month-end rule), so the employee is terminated today and may still be reinstated.
    const ended = await test.service.api<{ members: MemberView[] }>('POST', `/v1/groups/${test.groupNumber}/terminations`, {
      token: test.token,
      headers: { 'idempotency-key': `end-${employee.memberId}` },
      body: { memberId: employee.memberId, reason: 'termination_of_employment', requestedDate: addMonths(firstOfMonth(test.today), -1), expectedVersion: employee.version },
    });
    expect(ended.status).toBe(201);
    const endedEmployee = ended.body.members.find((m) => m.memberId === employee.memberId);
    endedOn = endedEmployee === undefined ? '' : (endOf(endedEmployee) ?? '');
  }, 120_000);
  afterAll(async () => test?.close());

  it('shows the family active and pending at once, and the plan accepts the reinstatement', async () => {
    const net = switchableNetwork();
    const core = syncTestCore(test, { fetch: net.fetch });
    await waitForSync(core, isQuiet);
    const groupNumber = test.groupNumber;
    const before = await core.call('members.get', { groupNumber, memberId: employee.memberId });
    expect(before).toMatchObject({ ok: true, value: { status: 'terminated', terminationDate: endedOn } });
    const family = (before.ok ? (before.value as MemberDetail).dependents : []).filter((d) => d.terminationDate === endedOn).map((d) => d.memberId);
    expect(family.length).toBeGreaterThan(0);

    // Offline: the change waits in the outbox while the roster already shows it.
    net.down = true;
    await waitForSync(core, (s) => s.state === 'offline' || s.state === 'idle');
    const submitted = await core.call('transactions.submit', { groupNumber, transaction: { kind: 'reinstate', request: { memberId: employee.memberId, note: 'Ended in error' } } });
    expect(submitted).toMatchObject({ ok: true, value: { status: 'queued', memberIds: expect.arrayContaining([employee.memberId, ...family]) } });
    const roster = await core.call('members.list', { groupNumber, query: employee.memberId, limit: 50 });
    const rows = roster.ok ? (roster.value as { rows: { memberId: string; status: string; terminationDate: string | null; pendingSync: boolean }[] }).rows : [];
    for (const id of [employee.memberId, ...family]) {
      expect(rows.find((r) => r.memberId === id)).toMatchObject({ status: 'active', terminationDate: null, pendingSync: true });
    }

    net.down = false;
    await core.call('sync.now', {});
    expect(await waitForSync(core, isQuiet)).toMatchObject({ pending: 0, rejected: 0 });
    const activity = await core.call('transactions.list', { groupNumber });
    expect(activity.ok && (activity.value as ActivityPage).items[0]).toMatchObject({ kind: 'reinstate', status: 'accepted', confirmationNumber: expect.stringMatching(/^TX-/) });
    const onPlan = (await serviceMembers(test)).filter((m) => [employee.memberId, ...family].includes(m.memberId));
    expect(onPlan.map((m) => [m.memberId, m.status, endOf(m)])).toEqual([employee.memberId, ...family].map((id) => [id, 'active', null]));
    const after = await core.call('members.get', { groupNumber, memberId: employee.memberId });
    expect(after).toMatchObject({ ok: true, value: { status: 'active', terminationDate: null, pendingSync: false } });
    await core.close();
  }, 60_000);
});
