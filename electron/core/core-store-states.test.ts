import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import { createCore } from './core';
import { latestSchemaVersion } from './store/migrations';
import { storeFileName } from './store/open-store';
import { createFieldCipher } from './store/field-cipher';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'groupdesk-core-'));
const start = (dataDir: string) => createCore({ dataDir, encryptionKey: randomBytes(32), sandbox: false, today: '2026-11-27', log: () => {} });

describe('the core with a bad store', () => {
  it('starts corrupt, answers only app.status/app.startFresh, then sets the file aside (with -wal/-shm) and starts fresh', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, storeFileName);
    writeFileSync(file, 'garbage'.repeat(1000));
    writeFileSync(`${file}-wal`, 'old journal');
    writeFileSync(`${file}-shm`, 'old index');
    const core = start(dataDir);
    const events: CoreEvent[] = [];
    core.onEvent((e) => {
      if (e.type === 'store.state') events.push(e);
    });

    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'corrupt', path: file }, schemaVersion: latestSchemaVersion } });
    const blocked = await core.call('groups.list', {});
    expect(blocked).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!blocked.ok && blocked.error.message).toMatch(/not usable \(corrupt\)/);

    expect(await core.call('app.startFresh', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { confirm: expect.any(String) } } });
    const fresh = await core.call('app.startFresh', { confirm: true });
    expect(fresh).toMatchObject({ ok: true, value: { store: { state: 'ready' } } });
    const movedTo = fresh.ok ? (fresh.value as { movedTo: string }).movedTo : '';
    expect(path.basename(movedTo)).toMatch(/^groupdesk\.corrupt-\d{8}T\d{6}Z\.sqlite3$/);
    const names = readdirSync(dataDir);
    for (const suffix of ['', '-wal', '-shm']) expect(names).toContain(path.basename(movedTo) + suffix);
    expect(events).toEqual([{ type: 'store.state', store: { state: 'ready' } }]);
    // The fresh store is empty until a sync fills it.
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });
    expect(await core.call('app.startFresh', { confirm: true })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await core.close();
  });

  it('starts too_new for a newer store and keeps it when told to start fresh', async () => {
    const dataDir = tempDir();
    const seeded = start(dataDir);
    await seeded.close();
    const db = new Database(path.join(dataDir, storeFileName));
    db.pragma('user_version = 42');
    db.close();
    const core = start(dataDir);
    expect(await core.call('app.status', {})).toMatchObject({ ok: true, value: { store: { state: 'too_new', fileVersion: 42, appVersion: latestSchemaVersion } } });
    const listed = await core.call('members.list', { groupNumber: '100234' });
    expect(!listed.ok && listed.error.message).toContain(`schema version 42, this app knows ${latestSchemaVersion}`);
    const fresh = await core.call('app.startFresh', { confirm: true });
    expect(fresh.ok).toBe(true);
    const kept = new Database(fresh.ok ? (fresh.value as { movedTo: string }).movedTo : '', { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(42);
    kept.close();
    await core.close();
  });

  it('refuses a store written under the other app’s key, naming that app, and leaves the file untouched', async () => {
    const dataDir = tempDir();
    const desktop = createCore({ dataDir, encryptionKey: randomBytes(32), keyHolder: 'desktop', sandbox: false, today: '2026-11-27', log: () => {} });
    expect(await desktop.call('app.status', {})).toMatchObject({ ok: true, value: { store: { state: 'ready' } } });
    await desktop.close();
    const file = path.join(dataDir, storeFileName);
    const before = readFileSync(file);

    const browser = createCore({ dataDir, encryptionKey: randomBytes(32), keyHolder: 'browser', sandbox: false, today: '2026-11-27', log: () => {} });
    const status = await browser.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'wrong_key', path: file, writtenBy: 'desktop' } } });
    const detail = status.ok ? (status.value as { store: { detail: string } }).store.detail : '';
    expect(detail).toMatch(/desktop app.*keychain/);
    expect(detail).toMatch(/--data-dir/);
    expect(await browser.call('groups.list', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not usable \(wrong_key\)/) } });
    await browser.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a store from before key checks whose encrypted values do not open under this key', async () => {
    const dataDir = tempDir();
    const first = createCore({ dataDir, encryptionKey: randomBytes(32), sandbox: false, today: '2026-11-27', log: () => {} });
    await first.close();
    // As an earlier version left it: a session token under the first key, and no key check.
    const db = new Database(path.join(dataDir, storeFileName));
    db.prepare(`DELETE FROM settings WHERE key = 'keyCheck'`).run();
    db.prepare(`INSERT INTO users (id, login, display_name, email, created_at) VALUES (1, 'ana', 'Ana', 'ana@example.com', '2026-11-27T00:00:00Z')`).run();
    db.prepare(`INSERT INTO sessions (id, user_id, service_url, token_encrypted, expires_at, created_at) VALUES (1, 1, 'http://plan', ?, '2026-12-01T00:00:00Z', '2026-11-27T00:00:00Z')`).run(
      createFieldCipher(randomBytes(32)).encrypt('a session token'),
    );
    db.close();
    const other = createCore({ dataDir, encryptionKey: randomBytes(32), keyHolder: 'browser', sandbox: false, today: '2026-11-27', log: () => {} });
    expect(await other.call('app.status', {})).toMatchObject({ ok: true, value: { store: { state: 'wrong_key', writtenBy: null } } });
    await other.close();
  });

  it('starts unwritable with a clear message instead of crashing, and cannot start fresh there', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'file'), 'x');
    const core = start(path.join(parent, 'file', 'data'));
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'unwritable' }, lastSyncAt: null } });
    expect(await core.call('app.startFresh', { confirm: true })).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/writable data folder/) } });
    await core.close();
  });

  it('closes with the WAL folded into the file', async () => {
    const dataDir = tempDir();
    const core = start(dataDir);
    await core.close();
    expect(existsSync(path.join(dataDir, `${storeFileName}-wal`)) ? readdirSync(dataDir).length : 0).toBeLessThanOrEqual(1);
    expect(await core.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
