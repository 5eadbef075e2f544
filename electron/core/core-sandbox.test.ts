import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import { createCore } from './core';
import { openStore } from './store/open-store';
import { createFieldCipher } from './store/field-cipher';
import { loadSandboxReplica } from './test-support/local-replica';
import { isQuiet, startSyncTestService, tempDataDir, waitForSync, type SyncTestService } from './test-support/plan-service';

/**
 * A stand-in for the embedded service's worker (electron/sandbox/worker.ts) speaking its protocol:
 * it answers `ready` with the test service's URL and token (from the environment it inherits), or
 * `failed`, and exits on `close`.
 */
function fakeSandboxWorker(dir: string, answer: 'ready' | 'failed'): string {
  const file = path.join(dir, `fake-sandbox-${answer}.mjs`);
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
     if (typeof workerData.dataDir !== 'string') throw new Error('no dataDir');
     parentPort.postMessage(${answer === 'ready' ? `{ type: 'ready', url: process.env.FAKE_SANDBOX_URL, token: process.env.FAKE_SANDBOX_TOKEN }` : `{ type: 'failed', message: 'the disk is full' }`});
     parentPort.on('message', (m) => { if (m.type === 'close') process.exit(0); });`,
  );
  return file;
}

describe('the core in sandbox mode', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 8 });
    process.env.FAKE_SANDBOX_URL = test.service.url;
    process.env.FAKE_SANDBOX_TOKEN = test.token;
  }, 120_000);
  afterAll(async () => test?.close());

  it('starts the embedded service, says starting until it is ready, then syncs from it like from any service', async () => {
    const dataDir = tempDataDir();
    const core = createCore({ dataDir, encryptionKey: randomBytes(32), sandboxWorkerPath: fakeSandboxWorker(dataDir, 'ready'), today: test.today, now: test.now, log: () => {} });
    const states: string[] = [];
    core.onEvent((event: CoreEvent) => {
      if (event.type === 'sync.status') states.push(event.state);
    });
    const status = await waitForSync(core, isQuiet);
    expect(status).toMatchObject({ mode: 'sandbox', online: true, lastSyncAt: expect.any(String) });
    expect(await core.call('app.status', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', online: true, lastSyncAt: status.lastSyncAt } });
    expect(await core.call('groups.list', {})).toMatchObject({ ok: true, value: [{ groupNumber: test.groupNumber }] });
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', serviceUrl: test.service.url, groups: [{ groupNumber: test.groupNumber, role: 'primary_admin' }] } });
    expect(await core.call('session.signOut', {})).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await core.close();
    expect(states.includes('connecting') || states.includes('syncing')).toBe(true);
  });

  it('restarts the sandbox service when its session lapsed, instead of asking for a sign-in it cannot take', async () => {
    const dataDir = tempDataDir();
    const core = createCore({ dataDir, encryptionKey: randomBytes(32), sandboxWorkerPath: fakeSandboxWorker(dataDir, 'ready'), today: test.today, now: test.now, log: () => {} });
    await waitForSync(core, isQuiet);
    const lapsed = process.env.FAKE_SANDBOX_TOKEN;
    const fresh = await test.service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: test.userId, password: 'Correct-Horse-Battery-42' } });
    process.env.FAKE_SANDBOX_TOKEN = fresh.body.token;
    expect((await test.service.api('DELETE', '/v1/sessions/current', { token: lapsed })).status).toBe(204);
    const states: string[] = [];
    core.onEvent((event) => {
      if (event.type === 'sync.status') states.push(event.state);
    });
    await core.call('sync.now', {});
    await waitForSync(core, (s) => isQuiet(s) && states.includes('starting'));
    expect(states).toContain('signed_out');
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { mode: 'sandbox', user: { userId: test.userId } } });
    await core.close();
  });

  it('reports a sandbox that could not start, and keeps the replica readable meanwhile', async () => {
    const dataDir = tempDataDir();
    const first = createCore({ dataDir, encryptionKey: Buffer.alloc(32, 7), sandboxWorkerPath: fakeSandboxWorker(dataDir, 'ready'), today: test.today, now: test.now, log: () => {} });
    await waitForSync(first, isQuiet);
    await first.close();
    const core = createCore({ dataDir, encryptionKey: Buffer.alloc(32, 7), sandboxWorkerPath: fakeSandboxWorker(dataDir, 'failed'), today: test.today, now: test.now, log: () => {} });
    expect(await waitForSync(core, (s) => s.state === 'error')).toMatchObject({ mode: 'sandbox', online: false, message: expect.stringContaining('the disk is full') });
    const page = await core.call('members.list', { groupNumber: test.groupNumber, limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { total: expect.any(Number) } });
    await core.close();
  });

  it('replaces a store an earlier version seeded directly with the embedded service’s copy', async () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const opened = openStore({ dataDir });
    if (opened.db === null) throw new Error('store not ready');
    loadSandboxReplica({ db: opened.db, cipher: createFieldCipher(key), path: opened.path }, test.today, test.now());
    opened.db.close();
    const core = createCore({ dataDir, encryptionKey: key, sandboxWorkerPath: fakeSandboxWorker(dataDir, 'ready'), today: test.today, now: test.now, log: () => {} });
    await waitForSync(core, isQuiet);
    expect(await core.call('groups.list', {})).toMatchObject({ ok: true, value: [{ groupNumber: test.groupNumber }] });
    await core.close();
  });
});

describe('a core with no plan service', () => {
  it('serves a prepared local replica as the sandbox user, and says it is signed out', async () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const opened = openStore({ dataDir });
    if (opened.db === null) throw new Error('store not ready');
    const data = loadSandboxReplica({ db: opened.db, cipher: createFieldCipher(key), path: opened.path }, '2026-11-27', '2026-11-27T15:00:00.000Z');
    opened.db.close();
    const core = createCore({ dataDir, encryptionKey: key, sandbox: false, today: '2026-11-27', log: () => {} });
    const first = data.groups[0];
    if (first === undefined) throw new Error('no sandbox group');
    expect(await core.call('groups.get', { groupNumber: first.group.groupNumber })).toEqual({ ok: true, value: first.group });
    expect(await core.call('sync.status', {})).toMatchObject({ ok: true, value: { mode: 'remote', state: 'signed_out', online: false } });
    await core.close();
  });
});
