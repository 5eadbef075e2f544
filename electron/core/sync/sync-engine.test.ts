import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { groupUsers } from '../../../server/src/store/schema';
import type { CoreEvent } from '@shared/contract/events';
import type { ActivityPage } from '@shared/contract/methods/transactions';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import type { MemberList } from '@shared/plan-api/members';
import { addDays } from '@shared/util/dates';
import { isQuiet, serviceMembers, startSyncTestService, syncTestCore, syncUntilQuiet, tempDataDir, waitForSync, type SyncTestService } from '../test-support/plan-service';

/** A new hire's enrollment with a spouse, under a surname no generated member has. */
function enrollment(lastName: string, ssn: string, today: string): TransactionInput {
  const hireDate = addDays(today, -60);
  const address = { line1: '40 Canal St', city: 'Toledo', state: 'OH', zip: '43604' };
  return {
    kind: 'enroll',
    request: {
      subscriber: { firstName: 'Casey', lastName, dateOfBirth: '1985-06-15', gender: 'M', ssn, address, phone: '419-555-0100', email: null, hireDate, employmentStatus: 'FT' },
      planCode: 'PPO-500',
      effectiveDate: firstEligibleEffectiveDate(hireDate, defaultGroupPolicy),
      dependents: [{ relationship: 'spouse', firstName: 'Robin', lastName, dateOfBirth: '1987-03-14', gender: 'F', disabled: false }],
    },
  };
}

/** fetch with a switch: `down` makes every request fail as an unreachable host does; `dropAnswerOf` loses one answer after the service acted. */
function flakyNetwork() {
  const net = {
    down: false,
    dropAnswerOf: null as RegExp | null,
    fetch: (async (url, init) => {
      if (net.down) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      const response = await fetch(url, init);
      if (net.dropAnswerOf?.test(String(url))) {
        net.dropAnswerOf = null;
        await response.text();
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      }
      return response;
    }) as typeof fetch,
  };
  return net;
}

const rosterByName = async (test: SyncTestService, lastName: string) =>
  (await test.service.api<MemberList>('GET', `/v1/groups/${test.groupNumber}/members?q=${lastName}`, { token: test.token })).body.members;

describe('the sync engine against the plan service', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 20 });
  }, 120_000);
  afterAll(async () => test?.close());

  it('sends a queued enrollment exactly once although its first answer was lost, and shows the family under the plan’s IDs', async () => {
    const net = flakyNetwork();
    const core = syncTestCore(test, { fetch: net.fetch });
    await waitForSync(core, isQuiet);
    net.dropAnswerOf = /\/enrollments$/;
    const submitted = await core.call('transactions.submit', { groupNumber: test.groupNumber, transaction: enrollment('Onceonly', '480100101', test.today) });
    expect(submitted).toMatchObject({ ok: true, value: { memberIds: [expect.stringMatching(/^NEW-/), expect.stringMatching(/^NEW-/)] } });
    // The lost answer leaves the engine offline with a retry time; the retry (same idempotency key) settles it.
    expect(await waitForSync(core, (s) => s.state === 'offline')).toMatchObject({ pending: 1, nextAttemptAt: expect.any(String) });
    const quiet = await waitForSync(core, isQuiet);
    expect(quiet).toMatchObject({ pending: 0, rejected: 0 });

    const onService = await rosterByName(test, 'Onceonly');
    expect(onService).toHaveLength(2);
    const activity = await core.call('transactions.list', { groupNumber: test.groupNumber });
    const item = activity.ok ? (activity.value as ActivityPage).items[0] : undefined;
    expect(item).toMatchObject({ status: 'accepted', confirmationNumber: expect.stringMatching(/^TX-/), attempts: 2 });
    const local = await core.call('members.search', { groupNumber: test.groupNumber, query: 'Onceonly' });
    expect(local.ok && (local.value as { memberId: string; pendingSync: boolean }[]).map((r) => [r.memberId, r.pendingSync]).sort()).toEqual(
      onService.map((m) => [m.memberId, false]).sort(),
    );
    await core.close();
  });

  it('undoes a change the plan refuses (the member changed there meanwhile) and then shows the plan’s version', async () => {
    const net = flakyNetwork();
    const core = syncTestCore(test, { fetch: net.fetch });
    await waitForSync(core, isQuiet);
    const [target] = (await serviceMembers(test)).filter((m) => m.relationship === 'subscriber' && m.status === 'active' && !m.lastName.startsWith('O'));
    if (target === undefined) throw new Error('no active subscriber');
    // Offline, the administrator changes the member here while someone changes it on the plan.
    net.down = true;
    await waitForSync(core, (s) => s.state === 'offline' || s.state === 'idle');
    const remote = await test.service.api('POST', `/v1/groups/${test.groupNumber}/demographics`, {
      token: test.token,
      headers: { 'idempotency-key': `remote-${target.memberId}` },
      body: { memberId: target.memberId, changes: { phone: '419-555-7777' }, effectiveDate: test.today, correction: false, expectedVersion: target.version },
    });
    expect(remote.status).toBe(201);
    const local = await core.call('transactions.submit', {
      groupNumber: test.groupNumber,
      transaction: { kind: 'update_demographics', request: { memberId: target.memberId, changes: { phone: '419-555-1234' }, effectiveDate: test.today, correction: false } },
    });
    expect(local.ok).toBe(true);
    net.down = false;
    const quiet = await syncUntilQuiet(core);
    expect(quiet).toMatchObject({ pending: 0, rejected: 1 });
    const activity = await core.call('transactions.list', { groupNumber: test.groupNumber, status: ['rejected'] });
    expect(activity.ok && (activity.value as ActivityPage).items[0]).toMatchObject({ error: { code: 'CONFLICT' } });
    const detail = await core.call('members.get', { groupNumber: test.groupNumber, memberId: target.memberId });
    expect(detail).toMatchObject({ ok: true, value: { phone: '419-555-7777', pendingSync: false, version: target.version + 1 } });
    await core.close();
  });

  it('goes offline with growing back-off while the service is unreachable, and recovers by itself when it returns', async () => {
    const net = flakyNetwork();
    net.down = true;
    const core = syncTestCore(test, { fetch: net.fetch });
    const first = await waitForSync(core, (s) => s.state === 'offline');
    expect(first).toMatchObject({ online: false, message: expect.stringContaining('cannot be reached'), nextAttemptAt: expect.any(String) });
    const second = await waitForSync(core, (s) => s.state === 'offline' && s.nextAttemptAt !== first.nextAttemptAt);
    expect(Date.parse(second.nextAttemptAt ?? '')).toBeGreaterThan(Date.parse(first.nextAttemptAt ?? ''));
    net.down = false;
    expect(await waitForSync(core, isQuiet)).toMatchObject({ online: true, nextAttemptAt: null, message: null });
    await core.close();
  });

  it('pulls a change the service announces on its live stream without being asked', async () => {
    const core = syncTestCore(test);
    await waitForSync(core, isQuiet);
    const [target] = (await serviceMembers(test)).filter((m) => m.relationship === 'subscriber' && m.status === 'active');
    if (target === undefined) throw new Error('no active subscriber');
    const pulled = new Promise<void>((resolve) => {
      core.onEvent((event: CoreEvent) => {
        if (event.type !== 'roster.changed') return;
        void core.call('members.get', { groupNumber: test.groupNumber, memberId: target.memberId }).then((r) => {
          if (r.ok && (r.value as { email: string | null }).email === 'live@example.com') resolve();
        });
      });
    });
    const changed = await test.service.api('POST', `/v1/groups/${test.groupNumber}/demographics`, {
      token: test.token,
      headers: { 'idempotency-key': `live-${target.memberId}` },
      body: { memberId: target.memberId, changes: { email: 'live@example.com' }, effectiveDate: test.today, correction: false, expectedVersion: target.version },
    });
    expect(changed.status).toBe(201);
    await pulled;
    await core.close();
  });

  it('signs out when the service ends the session (401), and then refuses group methods with AUTH', async () => {
    const signedIn = await test.service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: test.userId, password: 'Correct-Horse-Battery-42' } });
    expect(signedIn.status).toBe(201);
    const core = syncTestCore({ ...test, token: signedIn.body.token }, { dataDir: tempDataDir() });
    await waitForSync(core, isQuiet);
    expect(await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 })).toMatchObject({ ok: true });
    expect((await test.service.api('DELETE', '/v1/sessions/current', { token: signedIn.body.token })).status).toBe(204);
    await core.call('sync.now', {});
    expect(await waitForSync(core, (s) => s.state === 'signed_out')).toMatchObject({ online: false, message: expect.stringContaining('Sign in again') });
    expect(await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 })).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { user: null, groups: [] } });
    expect(await core.call('notifications.list', {})).toMatchObject({ ok: true, value: { unread: 1, items: [{ kind: 'sync.problem', link: '#/settings' }] } });
    await core.close();
  });

  it('refuses a change with FORBIDDEN when the user’s role in the group only reads', async () => {
    const reader = await test.service.signUpUser();
    await test.service.grantRole(reader.userId, test.groupNumber, 'read_only');
    const core = syncTestCore({ ...test, token: reader.token });
    await waitForSync(core, isQuiet);
    expect(await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 })).toMatchObject({ ok: true });
    const refused = await core.call('transactions.submit', { groupNumber: test.groupNumber, transaction: enrollment('Readonly', '480100102', test.today) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Read-only') } });
    await core.close();
  });

  it('follows the plan’s roles: a new role applies, and a group the user may no longer see leaves this computer', async () => {
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, 'read_only');
    const core = syncTestCore({ ...test, token: user.token });
    await waitForSync(core, isQuiet);
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { groups: [{ groupNumber: test.groupNumber, role: 'read_only' }] } });
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    await syncUntilQuiet(core);
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { groups: [{ groupNumber: test.groupNumber, role: 'admin' }] } });
    await test.service.db.delete(groupUsers).where(and(eq(groupUsers.userId, user.userId), eq(groupUsers.groupNumber, test.groupNumber)));
    await syncUntilQuiet(core);
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });
    expect(await core.call('members.list', { groupNumber: test.groupNumber })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });
});
