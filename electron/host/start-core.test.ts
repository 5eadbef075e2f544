import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import { createFieldCipher } from '../core/store/field-cipher';
import { openStore } from '../core/store/open-store';
import { loadSandboxReplica } from '../core/test-support/local-replica';
import { startCore } from './start-core';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'groupdesk-worker-'));

// These run the real bundle, as both hosts do: build it first.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', '--only=core'], { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}, 120_000);

describe('startCore (worker thread, built bundle)', () => {
  it('answers contract calls from the worker over a local replica, then closes cleanly', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const opened = openStore({ dataDir });
    if (opened.db === null) throw new Error('store not ready');
    loadSandboxReplica({ db: opened.db, cipher: createFieldCipher(key), path: opened.path }, '2026-11-27', '2026-11-27T15:00:00.000Z');
    opened.db.close();
    const core = startCore({ dataDir, encryptionKey: key, sandbox: false, today: '2026-11-27' });
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'ready' }, mode: 'remote' } });
    const groups = await core.call('groups.list', {});
    expect(groups.ok && (groups.value as { groupNumber: string }[]).map((g) => g.groupNumber).sort()).toEqual(['100234', '100871']);
    const page = await core.call('members.list', { groupNumber: '100234', limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { rows: expect.any(Array) } });
    expect(page.ok && (page.value as { total: number }).total).toBeGreaterThan(300);
    expect(await core.call('members.list', { groupNumber: '1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { groupNumber: expect.any(String) } } });
    await core.close();
    expect(await core.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers store.state events from the worker', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'groupdesk.sqlite3'), 'not a database at all'.repeat(50));
    const core = startCore({ dataDir, encryptionKey: randomBytes(32), sandbox: false });
    const events: CoreEvent[] = [];
    core.onEvent((event) => {
      if (event.type === 'store.state') events.push(event);
    });
    expect(await core.call('app.status', {})).toMatchObject({ ok: true, value: { store: { state: 'corrupt' } } });
    expect(await core.call('app.startFresh', { confirm: true })).toMatchObject({ ok: true, value: { store: { state: 'ready' } } });
    expect(events).toEqual([{ type: 'store.state', store: { state: 'ready' } }]);
    await core.close();
  });

  it('resolves pending and later calls with INTERNAL when the worker dies, instead of hanging', async () => {
    // A worker that dies on its first message, as a native crash or an out-of-memory abort would.
    const dir = tempDir();
    const dying = path.join(dir, 'dying-worker.cjs');
    writeFileSync(dying, `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`);
    const core = startCore({ dataDir: dir, encryptionKey: randomBytes(32), workerPath: dying });
    const [first, second] = await Promise.all([core.call('app.status', {}), core.call('groups.list', {})]);
    expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('exit code 3') } });
    expect(second).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await core.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await core.close();
  });

  it('resolves calls with INTERNAL when the worker fails to load', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken-worker.cjs');
    writeFileSync(broken, `throw new Error('cannot load');`);
    const core = startCore({ dataDir: dir, encryptionKey: randomBytes(32), workerPath: broken });
    expect(await core.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await core.close();
  });
});
