import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { groupDeskApplicationId } from './migrations/application-id';
import { latestSchemaVersion } from './migrations';
import { schemaVersion } from './migrate';
import { errorCode, storeFileName } from './open-store';
import { applyPragmas } from './pragmas';

/** Why a tool may not read a data folder, in one line for its user. */
export class IdleStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdleStoreError';
  }
}

/**
 * Opens a data folder's store for a command-line tool, only when no GroupDesk is using it.
 *
 * The app takes no lock file of its own (Electron's single-instance lock guards only its own
 * profile, and the browser host none), but every open connection in WAL mode holds a shared lock on
 * the database file for as long as it is open. A probe connection in exclusive locking mode, with no
 * busy wait, can take the write lock only when no other connection (a running app, in any process)
 * has the file open: SQLITE_BUSY means "in use". The probe is closed at once, before the tool reads:
 * keeping the exclusive lock would make an app started meanwhile wait and then report its store as
 * unusable. A tool that only reads then shares the file safely with an app started after the probe.
 *
 * The schema must be this build's: a tool never migrates a folder (the app does, when it opens it).
 */
export function openIdleStore(dataDir: string, nativeBinding?: string): Database.Database {
  const file = path.join(dataDir, storeFileName);
  if (!fs.existsSync(file)) throw new IdleStoreError(`There is no GroupDesk data in ${dataDir} (no ${storeFileName}).`);
  const options = nativeBinding === undefined ? { fileMustExist: true } : { fileMustExist: true, nativeBinding };
  const probe = new Database(file, { ...options, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if (/^SQLITE_BUSY/.test(errorCode(error))) throw new IdleStoreError(`GroupDesk is using ${dataDir}. Quit it (or the browser host) and run this again.`);
    throw error;
  } finally {
    probe.close();
  }
  const db = new Database(file, options);
  try {
    applyPragmas(db);
    if (Number(db.pragma('application_id', { simple: true })) !== groupDeskApplicationId) throw new IdleStoreError(`${file} is not a GroupDesk database.`);
    const version = schemaVersion(db);
    if (version !== latestSchemaVersion) {
      throw new IdleStoreError(`The data in ${dataDir} has schema version ${version}; this tool reads version ${latestSchemaVersion}. Open it once in the GroupDesk of this version first.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
