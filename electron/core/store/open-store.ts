import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { StoreState } from '@shared/contract/methods/app';
import { applyPragmas } from './pragmas';
import { StoreTooNewError, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { groupDeskApplicationId } from './migrations/application-id';

export const storeFileName = 'groupdesk.sqlite3';

/** The native binding the store was opened with: a scratch copy (scratch-copy.ts) must load the same one. */
let nativeBindingInUse: string | undefined;

export const nativeBindingOptions = (): { nativeBinding?: string } => (nativeBindingInUse === undefined ? {} : { nativeBinding: nativeBindingInUse });

export interface OpenStoreOptions {
  dataDir: string;
  /** Absolute path of better_sqlite3.node, resolved by the host (docs/electron-host-rules.md#the-native-sqlite-binary). */
  nativeBinding?: string;
}

export type OpenedStore = { state: { state: 'ready' }; db: Database.Database; path: string } | { state: Exclude<StoreState, { state: 'ready' }>; db: null; path: string };

/**
 * Opens (creating if needed) and migrates the store, and says what is wrong instead of throwing:
 * a bad file must never crash the core, it must reach the user as a choice (app.startFresh).
 */
export function openStore(options: OpenStoreOptions): OpenedStore {
  const file = path.join(options.dataDir, storeFileName);
  const unwritable = probeWritable(options.dataDir);
  if (unwritable !== null) return { state: { state: 'unwritable', path: options.dataDir, detail: unwritable }, db: null, path: file };

  const header = foreignHeader(file);
  if (header !== null) return { state: { state: 'corrupt', path: file, detail: header }, db: null, path: file };

  let db: Database.Database | null = null;
  try {
    nativeBindingInUse = options.nativeBinding;
    db = new Database(file, nativeBindingOptions());
    applyPragmas(db);
    assertOurs(db);
    migrate(db, migrations);
    return { state: { state: 'ready' }, db, path: file };
  } catch (error) {
    db?.close();
    return { state: classify(error, file, options.dataDir), db: null, path: file };
  }
}

/** Opens a store that lives only in memory (tests and benchmarks of the services). */
export function openMemoryStore(nativeBinding?: string): Database.Database {
  const db = new Database(':memory:', nativeBinding === undefined ? {} : { nativeBinding });
  applyPragmas(db);
  migrate(db, migrations);
  return db;
}

/**
 * Creates the folder and writes a scratch file in it. access(W_OK) is not enough: it says yes to
 * root on a read-only mount and to anyone on some network shares.
 */
function probeWritable(dataDir: string): string | null {
  const probe = path.join(dataDir, `.groupdesk-write-test-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return null;
  } catch (error) {
    const code = errorCode(error);
    return `GroupDesk cannot write to its data folder ${dataDir} (${code || 'unknown error'}). Check that the folder exists, that you may write to it and that the disk is not full or read-only.`;
  }
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Checked before SQLite sees the file: on closing a connection to a file it cannot read, SQLite
 * deletes a -wal beside it, and that journal may hold the user's last changes. Set aside, not lost.
 */
function foreignHeader(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(sqliteMagic.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0 || head.equals(sqliteMagic)) return null;
    return 'The file is damaged or is not a database (its header is not SQLite’s).';
  } finally {
    closeSync(fd);
  }
}

/** A SQLite file with tables but without our application_id belongs to some other program. */
function assertOurs(db: Database.Database): void {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId === groupDeskApplicationId) return;
  const objects = Number(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
  if (objects === 0 && schemaVersion(db) === 0) return;
  throw new ForeignDatabaseError();
}

class ForeignDatabaseError extends Error {
  constructor() {
    super('The file is a SQLite database, but not one GroupDesk made.');
    this.name = 'ForeignDatabaseError';
  }
}

function classify(error: unknown, file: string, dataDir: string): Exclude<StoreState, { state: 'ready' }> {
  if (error instanceof StoreTooNewError) return { state: 'too_new', path: file, fileVersion: error.fileVersion, appVersion: error.appVersion };
  if (error instanceof ForeignDatabaseError) return { state: 'corrupt', path: file, detail: error.message };
  const code = errorCode(error);
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|FULL)/.test(code)) {
    return { state: 'unwritable', path: dataDir, detail: `GroupDesk cannot write its database ${file} (${code}). Check the file's permissions and free disk space.` };
  }
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return { state: 'corrupt', path: file, detail: `The file is damaged or is not a database (${code}).` };
  return { state: 'corrupt', path: file, detail: `The database could not be opened (${code || (error instanceof Error ? error.name : 'unknown error')}).` };
}

export function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}
