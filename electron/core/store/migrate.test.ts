import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreTooNewError, migrate, schemaVersion } from './migrate';
import { latestSchemaVersion, migrations } from './migrations';
import type { Migration } from './migrations/migration';

const step = (version: number, sql: string): Migration => ({ version, name: `step_${version}`, up: (db) => db.exec(sql) });

describe('migrate', () => {
  it('brings a new database to the latest version and does nothing the second time', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: 0, to: latestSchemaVersion });
    expect(migrate(db, migrations)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
  });

  it('runs only the pending steps', () => {
    const db = new Database(':memory:');
    migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT')]);
    migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT'), step(2, 'CREATE TABLE b (x INTEGER) STRICT')]);
    expect(db.prepare(`SELECT name FROM sqlite_schema ORDER BY name`).pluck().all()).toEqual(['a', 'b']);
  });

  it('runs all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT'), step(2, 'CREATE TABLE broken (')])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get()).toBe(0);
  });

  it('refuses a database from a newer GroupDesk, naming both versions', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    let error: unknown;
    try {
      migrate(db, migrations);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreTooNewError);
    expect(error).toMatchObject({ fileVersion: 99, appVersion: latestSchemaVersion });
    expect(String(error)).toContain(`schema version 99`);
    expect(String(error)).toContain(`up to version ${latestSchemaVersion}`);
  });

  it('rejects a list whose versions are not 1, 2, 3… in order', () => {
    expect(() => migrate(new Database(':memory:'), [step(1, ''), step(3, '')])).toThrow(/expected 2/);
  });
});
