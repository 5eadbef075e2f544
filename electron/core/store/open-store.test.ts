import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, storeFileName } from './open-store';
import { latestSchemaVersion } from './migrations';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'groupdesk-store-'));

describe('openStore', () => {
  it('creates a migrated WAL store with foreign keys on in a new folder', () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const opened = openStore({ dataDir });
    expect(opened.state).toEqual({ state: 'ready' });
    const db = opened.db;
    if (db === null) throw new Error('not opened');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
    const again = openStore({ dataDir });
    expect(again.state).toEqual({ state: 'ready' });
    again.db?.close();
  });

  it('overwrites deleted rows in the file instead of leaving them in free pages', () => {
    const dataDir = tempDir();
    const opened = openStore({ dataDir });
    const db = opened.db;
    if (db === null) throw new Error('not opened');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const marker = 'LEFTOVER-7d41c2-'.repeat(8);
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('leftover', json_quote(?), 'now')`).run(marker);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(opened.path).includes(marker)).toBe(true);
    db.prepare(`DELETE FROM settings WHERE key = 'leftover'`).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(opened.path).includes('LEFTOVER-7d41c2-')).toBe(false);
  });

  it('reports a file that is not a database as corrupt', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, storeFileName), 'This is a shopping list, not a database.\n'.repeat(200));
    const opened = openStore({ dataDir });
    expect(opened.db).toBeNull();
    expect(opened.state).toMatchObject({ state: 'corrupt', path: path.join(dataDir, storeFileName) });
    expect(opened.state.state === 'corrupt' && opened.state.detail).toMatch(/damaged or is not a database/);
  });

  it('reports a SQLite file damaged inside as corrupt', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, storeFileName);
    openStore({ dataDir }).db?.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096);
    writeFileSync(file, bytes);
    expect(openStore({ dataDir }).state).toMatchObject({ state: 'corrupt', path: file });
  });

  it('reports another program’s SQLite file as corrupt (foreign), leaving it untouched', () => {
    const dataDir = tempDir();
    const foreign = new Database(path.join(dataDir, storeFileName));
    foreign.exec(`CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');`);
    foreign.close();
    const opened = openStore({ dataDir });
    expect(opened.state).toMatchObject({ state: 'corrupt', detail: 'The file is a SQLite database, but not one GroupDesk made.' });
    const check = new Database(path.join(dataDir, storeFileName), { readonly: true });
    expect(check.prepare('SELECT name FROM recipes').pluck().all()).toEqual(['bread']);
    check.close();
  });

  it('refuses a store made by a newer GroupDesk, naming both versions', () => {
    const dataDir = tempDir();
    openStore({ dataDir }).db?.close();
    const db = new Database(path.join(dataDir, storeFileName));
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    expect(openStore({ dataDir }).state).toEqual({
      state: 'too_new',
      path: path.join(dataDir, storeFileName),
      fileVersion: latestSchemaVersion + 5,
      appVersion: latestSchemaVersion,
    });
  });

  it('reports a data folder that cannot be created or written as unwritable, without throwing', () => {
    const parent = tempDir();
    const blocker = path.join(parent, 'a-file');
    writeFileSync(blocker, 'x');
    const opened = openStore({ dataDir: path.join(blocker, 'data') });
    expect(opened.state).toMatchObject({ state: 'unwritable', path: path.join(blocker, 'data') });
    expect(opened.state.state === 'unwritable' && opened.state.detail).toMatch(/cannot write to its data folder .*ENOTDIR/);
  });

  it.skipIf(process.getuid?.() === 0)('reports a read-only data folder as unwritable', () => {
    const dataDir = path.join(tempDir(), 'ro');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o500);
    expect(openStore({ dataDir }).state).toMatchObject({ state: 'unwritable' });
    chmodSync(dataDir, 0o700);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
