import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hashUnlockPassword, verifyUnlockPassword } from '../session/unlock-hash';
import { readUnlockHash, writeUnlockHash } from '../store/repositories/session-store';
import { storeFileName } from '../store/open-store';
import { fieldContext } from '../store/field-cipher';
import { StoreSession } from './store-session';

const at = '2026-11-27T08:00:00.000Z';
const session = (dataDir: string, key: Buffer) => new StoreSession({ dataDir, encryptionKey: key, now: () => at, onStateChange: () => {} });

function seedSignedIn(dataDir: string, key: Buffer): void {
  const first = session(dataDir, key);
  first.open();
  const db = first.store?.db;
  if (db === undefined) throw new Error('not opened');
  db.prepare(`INSERT INTO users (id, login, display_name, email, created_at) VALUES (1, 'ana', 'Ana', 'ana@example.com', ?)`).run(at);
  db.prepare(`INSERT INTO sessions (id, user_id, service_url, token_encrypted, expires_at, created_at) VALUES (1, 1, 'http://plan', ?, '2026-12-01T00:00:00Z', ?)`).run(
    first.store?.cipher.encrypt('token', fieldContext('sessions', 'token_encrypted', '1')),
    at,
  );
  first.close();
}

const rawUnlockHash = (dataDir: string): string => {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true });
  try {
    return db.prepare('SELECT unlock_hash FROM sessions WHERE id = 1').pluck().get() as string;
  } finally {
    db.close();
  }
};

describe('the screen lock’s password hash in the store', () => {
  it('is written under the data key, never in the clear', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-unlock-'));
    const key = randomBytes(32);
    seedSignedIn(dataDir, key);
    const opened = session(dataDir, key);
    opened.open();
    const store = opened.store;
    if (store === null) throw new Error('not opened');
    const hash = await hashUnlockPassword('correct horse battery');
    writeUnlockHash(store, hash);
    expect(await verifyUnlockPassword('correct horse battery', readUnlockHash(store) ?? '')).toBe(true);
    opened.close();
    expect(rawUnlockHash(dataDir)).toMatch(/^sealed:/);
    expect(readFileSync(path.join(dataDir, storeFileName)).includes(hash.split('$')[5] ?? hash)).toBe(false);
  });

  it('seals a hash an earlier version left in the clear when the store opens', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-unlock-'));
    const key = randomBytes(32);
    seedSignedIn(dataDir, key);
    const hash = await hashUnlockPassword('correct horse battery');
    const db = new Database(path.join(dataDir, storeFileName));
    db.prepare('UPDATE sessions SET unlock_hash = ? WHERE id = 1').run(hash);
    db.close();

    const opened = session(dataDir, key);
    expect(opened.open()).toEqual({ state: 'ready' });
    const store = opened.store;
    if (store === null) throw new Error('not opened');
    expect(readUnlockHash(store)).toBe(hash);
    opened.close();
    expect(rawUnlockHash(dataDir)).toMatch(/^sealed:/);
    expect(rawUnlockHash(dataDir)).not.toContain(hash);
  });
});
