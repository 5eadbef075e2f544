import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '@shared/contract';
import type { AccessRequest } from '@shared/plan-api/access-requests';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { createCore } from '../core';
import { statement } from '../store/statements';
import { isQuiet, startSyncTestService, syncUntilQuiet, tempDataDir, waitForEvent, waitForSync, type SyncTestService } from '../test-support/plan-service';

const requestFor = (groupNumber: string) => ({
  companyName: 'Sync Test Tooling',
  groupNumber,
  officerName: 'Dana Officer',
  officerTitle: 'Chief Executive Officer',
  contactPhone: '419-555-0142',
  contactEmail: 'dana.officer@example.com',
  attestation: true,
});

describe('account sync against the plan service', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 6 });
    await test.service.ops(['issue-invoice', '--group', test.groupNumber]);
  }, 120_000);
  afterAll(async () => test?.close());

  const signedInCore = async (user: { userId: string; password: string }, fetchImpl?: typeof fetch) => {
    const core = createCore({ dataDir: tempDataDir(), encryptionKey: randomBytes(32), sandbox: false, today: test.today, now: test.now, log: () => {}, ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }) });
    const signedIn = await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    if (!signedIn.ok) throw new Error(`sign in: ${signedIn.error.message}`);
    await waitForSync(core, isQuiet);
    return core;
  };

  it('shows a new user their request, then the approved group appears live with a notification, their role and the balance', async () => {
    const user = await test.service.signUpUser({ name: 'Robin Newcomer' });
    const core = await signedInCore(user);
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });

    const filed = await test.service.api<AccessRequest>('POST', '/v1/access-requests', { token: user.token, body: requestFor(test.groupNumber) });
    expect(filed.status).toBe(201);
    await syncUntilQuiet(core);
    expect(await core.call('access.overview', {})).toMatchObject({ ok: true, value: { requests: [{ confirmationNumber: filed.body.confirmationNumber, status: 'pending' }], refreshedAt: expect.any(String) } });
    // A first account sync announces nothing: the groups a user starts with are not news.
    expect(await core.call('notifications.list', {})).toMatchObject({ ok: true, value: { items: [] } });

    const appeared = waitForEvent(core, 'session.changed', (e) => e.session.groups.some((g) => g.groupNumber === test.groupNumber));
    const notified = waitForEvent(core, 'notification.created');
    const requestsChanged = waitForEvent(core, 'access.changed');
    await test.service.ops(['approve', filed.body.confirmationNumber]);
    expect((await appeared).session.groups).toEqual([{ groupNumber: test.groupNumber, name: expect.any(String), role: 'primary_admin' }]);
    const groupName = (await appeared).session.groups[0]?.name;
    expect(await notified).toMatchObject({ kind: 'access.changed', title: `Access to ${groupName} (group ${test.groupNumber}) is ready` });
    await requestsChanged;

    const summary = await test.service.api<BillingSummary>('GET', `/v1/groups/${test.groupNumber}/billing-summary`, { token: test.token });
    expect(summary.body.balanceCents).toBeGreaterThan(0);
    await waitForSync(core, isQuiet);
    expect(await core.call('groups.list', {})).toEqual({
      ok: true,
      value: [
        {
          groupNumber: test.groupNumber,
          name: groupName,
          region: expect.any(String),
          activeMembers: expect.any(Number),
          role: 'primary_admin',
          balanceCents: summary.body.balanceCents,
          balanceDueDate: summary.body.lastInvoice?.dueDate,
        },
      ],
    });
    expect(await core.call('access.overview', {})).toMatchObject({ ok: true, value: { requests: [{ status: 'approved' }] } });
    const notifications = await core.call('notifications.list', {});
    expect(notifications.ok && (notifications.value as MethodOutput<'notifications.list'>).items).toEqual([
      expect.objectContaining({ groupNumber: test.groupNumber, kind: 'access.changed', title: `Access to ${groupName} (group ${test.groupNumber}) is ready`, link: '#/' }),
    ]);
    await core.close();
  });

  it('gives a billing user the group with its balance and its invoices from the feed, never a member record', async () => {
    const user = await test.service.signUpUser({ name: 'Pat Payer' });
    await test.service.grantRole(user.userId, test.groupNumber, 'billing');
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    };
    const core = await signedInCore(user, recording);
    const status = await core.call('sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'idle' } });
    expect(await core.call('groups.list', {})).toMatchObject({ ok: true, value: [{ groupNumber: test.groupNumber, role: 'billing', balanceCents: expect.any(Number) }] });
    expect(asked.filter((path) => path.endsWith('/changes'))).not.toEqual([]);
    const store = core.storeSession.store;
    const count = (table: string) => (store === null ? null : statement(store.db, `SELECT count(*) FROM ${table} WHERE group_number = ?`).pluck().get(test.groupNumber));
    expect(count('members')).toBe(0);
    expect(count('invoices')).toBe(1);
    expect(count('invoice_lines')).toBeGreaterThan(0);
    await core.close();
  });

  it('forgets a group\'s members, unsent changes and drafts when the user\'s role there becomes billing, and keeps the group', async () => {
    const user = await test.service.signUpUser({ name: 'Lee Moving' });
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    const core = await signedInCore(user);
    const store = core.storeSession.store;
    const count = (table: string) => (store === null ? null : statement(store.db, `SELECT count(*) FROM ${table} WHERE group_number = ?`).pluck().get(test.groupNumber));
    expect(count('members')).toBeGreaterThan(0);
    expect(await core.call('drafts.save', { groupNumber: test.groupNumber, wizard: 'enroll', step: 'employee', data: { firstName: 'Sam' } })).toMatchObject({ ok: true });

    const billing = waitForEvent(core, 'session.changed', (e) => e.session.groups.some((g) => g.groupNumber === test.groupNumber && g.role === 'billing'));
    const changed = await test.service.api('PATCH', `/v1/groups/${test.groupNumber}/users/${user.userId}`, { token: test.token, body: { role: 'billing' } });
    expect(changed.status).toBe(200);
    await billing;
    for (const table of ['members', 'member_tallies', 'wizard_drafts']) expect(count(table), table).toBe(0);
    expect(await core.call('groups.list', {})).toMatchObject({ ok: true, value: [{ groupNumber: test.groupNumber, role: 'billing' }] });
    await core.close();
  });

  it('takes a group away at once when the user is removed from it, with its members, its changes and drafts', async () => {
    const user = await test.service.signUpUser({ name: 'Kim Leaving' });
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    const core = await signedInCore(user);
    const roster = await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 });
    const memberId = roster.ok ? (roster.value as MethodOutput<'members.list'>).rows[0]?.memberId : undefined;
    expect(memberId).toEqual(expect.any(String));
    expect(await core.call('transactions.submit', { groupNumber: test.groupNumber, transaction: { kind: 'id_cards', request: { memberIds: [memberId], reason: 'lost', shipTo: 'member' } } })).toMatchObject({ ok: true });
    expect(await core.call('drafts.save', { groupNumber: test.groupNumber, wizard: 'enroll', step: 'employee', data: { firstName: 'Sam' } })).toMatchObject({ ok: true });
    await waitForSync(core, isQuiet);

    const gone = waitForEvent(core, 'session.changed', (e) => e.session.groups.length === 0);
    const removed = await test.service.api('DELETE', `/v1/groups/${test.groupNumber}/users/${user.userId}`, { token: test.token });
    expect(removed.status).toBe(200);
    await gone;
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });
    const store = core.storeSession.store;
    for (const table of ['groups', 'members', 'member_tallies', 'outbox', 'wizard_drafts', 'sync_cursors']) {
      expect(store === null ? null : statement(store.db, `SELECT count(*) FROM ${table} WHERE group_number = ?`).pluck().get(test.groupNumber), table).toBe(0);
    }
    await core.close();
  });
});
