import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { addDays } from '@shared/util/dates';
import type { CoreEvent } from '@shared/contract/events';
import { sessionInfo, type SessionInfo } from '@shared/contract/methods/sync';
import { createCore } from '../../core';
import { isQuiet, startSyncTestService, tempDataDir, waitForSync, type SyncTestService } from '../../test-support/plan-service';

/** The embedded service's worker protocol, answered with the test service (see core-sandbox.test.ts). */
function fakeSandboxWorker(dir: string): string {
  const file = path.join(dir, 'fake-sandbox.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
     parentPort.postMessage({ type: 'ready', url: process.env.SESSION_TEST_URL, token: process.env.SESSION_TEST_TOKEN });
     parentPort.on('message', (m) => { if (m.type === 'close') process.exit(0); });`,
  );
  return file;
}

const enrollment = (today: string): TransactionInput => {
  const hireDate = addDays(today, -60);
  return {
    kind: 'enroll',
    request: {
      subscriber: { firstName: 'Pat', lastName: 'Unsent', dateOfBirth: '1985-06-15', gender: 'M', ssn: '480100201', address: { line1: '1 A St', city: 'Toledo', state: 'OH', zip: '43604' }, hireDate, employmentStatus: 'FT' },
      planCode: 'PPO-500',
      effectiveDate: firstEligibleEffectiveDate(hireDate, defaultGroupPolicy),
      dependents: [],
    },
  };
};

describe('session methods', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 6 });
    process.env.SESSION_TEST_URL = test.service.url;
    process.env.SESSION_TEST_TOKEN = test.token;
  }, 120_000);
  afterAll(async () => test?.close());

  it('signs in to a remote service (refusing to drop unsent changes unless told), signs out, and goes back to the sandbox', async () => {
    const dataDir = tempDataDir();
    // Transactions cannot reach the plan: they stay unsent.
    const noPush = (async (url, init) => (/\/enrollments$/.test(String(url)) ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init))) as typeof fetch;
    const core = createCore({ dataDir, encryptionKey: randomBytes(32), sandboxWorkerPath: fakeSandboxWorker(dataDir), today: test.today, now: test.now, fetch: noPush, log: () => {} });
    await waitForSync(core, isQuiet);
    // First launch: the sandbox runs behind Welcome, and has no password to lock with.
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', welcome: true, locked: false, pendingVerification: null, lastServiceUrl: null } });
    expect(await core.call('session.lock', {})).toEqual({ ok: false, error: { code: 'RULE', message: 'The demo has no password to lock with.' } });
    expect(await core.call('transactions.submit', { groupNumber: test.groupNumber, transaction: enrollment(test.today) })).toMatchObject({ ok: true });

    const other = await test.service.signUpUser();
    await test.service.grantRole(other.userId, test.groupNumber, 'admin');
    const refused = await core.call('session.signIn', { serviceUrl: test.service.url, userId: other.userId, password: other.password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', fields: { discardPending: expect.any(String) } } });
    // A failed sign-in discards nothing.
    const wrong = await core.call('session.signIn', { serviceUrl: test.service.url, userId: other.userId, password: 'not-the-password', discardPending: true });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await core.call('sync.status', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', pending: 1 } });

    const announced: SessionInfo[] = [];
    const stopListening = core.onEvent((event) => {
      if (event.type === 'session.changed') announced.push(event.session);
    });
    const signedIn = await core.call('session.signIn', { serviceUrl: `${test.service.url}/`, userId: other.userId, password: other.password, discardPending: true });
    expect(signedIn).toMatchObject({ ok: true, value: { mode: 'remote', serviceUrl: test.service.url, user: { userId: other.userId }, welcome: false, lastServiceUrl: test.service.url } });
    const quiet = await waitForSync(core, isQuiet);
    stopListening();
    expect(quiet).toMatchObject({ mode: 'remote', pending: 0 });
    const afterSync = await core.call('session.get', {});
    expect(afterSync).toMatchObject({ ok: true, value: { groups: [{ groupNumber: test.groupNumber, role: 'admin' }] } });
    // The account sync announced the group after the sign-in answered without it: a window that
    // gets that answer late must be able to tell it is the older one.
    const withGroup = announced.find((session) => session.groups.length === 1);
    if (!signedIn.ok || !afterSync.ok || withGroup === undefined) throw new Error('expected the sign-in answer, the synced session and its announcement');
    const answered = sessionInfo.parse(signedIn.value);
    expect(answered.groups).toEqual([]);
    expect(withGroup.revision).toBeGreaterThan(answered.revision);
    expect(sessionInfo.parse(afterSync.value).revision).toBeGreaterThan(withGroup.revision);
    expect(await core.call('members.search', { groupNumber: test.groupNumber, query: 'Unsent' })).toEqual({ ok: true, value: [] });

    expect(await core.call('session.signOut', {})).toMatchObject({ ok: true, value: { mode: 'remote', user: null, groups: [] } });
    expect(await core.call('sync.status', {})).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(await core.call('members.list', { groupNumber: test.groupNumber })).toMatchObject({ ok: false, error: { code: 'AUTH' } });

    expect(await core.call('session.useSandbox', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', welcome: false } });
    expect(await waitForSync(core, isQuiet)).toMatchObject({ mode: 'sandbox' });
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', user: { userId: test.userId } } });
    await core.close();
  });

  it('leaves Welcome for the demo data, once, and tells every window; --demo starts past it', async () => {
    const dataDir = tempDataDir();
    const core = createCore({ dataDir, encryptionKey: randomBytes(32), sandboxWorkerPath: fakeSandboxWorker(dataDir), today: test.today, now: test.now, log: () => {} });
    await waitForSync(core, isQuiet);
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { welcome: true } });
    expect(await core.call('session.dismissWelcome', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', welcome: false } });
    await core.call('session.dismissWelcome', {});
    expect(events.filter((e) => e.type === 'session.changed')).toEqual([{ type: 'session.changed', session: expect.objectContaining({ welcome: false }) }]);
    await core.close();

    const demoDir = tempDataDir();
    const demo = createCore({ dataDir: demoDir, encryptionKey: randomBytes(32), sandboxWorkerPath: fakeSandboxWorker(demoDir), today: test.today, now: test.now, demo: true, log: () => {} });
    expect(await demo.call('session.get', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', welcome: false } });
    await demo.close();
  });
});
