import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { storeFileName } from './open-store';

/**
 * Moves an unusable store out of the way, never deleting it (the user's data may be recoverable):
 * `groupdesk.sqlite3` → `groupdesk.corrupt-20261127T071500Z.sqlite3`, and its -wal and -shm files
 * with it so a later open of the fresh file cannot pick up the old journal.
 */
export function setStoreAside(dataDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = path.join(dataDir, `groupdesk.corrupt-${stamp}.sqlite3`);
  for (let n = 2; existsSync(target); n++) target = path.join(dataDir, `groupdesk.corrupt-${stamp}-${n}.sqlite3`);
  const source = path.join(dataDir, storeFileName);
  if (existsSync(source)) renameSync(source, target);
  // A rename that fails here throws, and the caller must not create the fresh store: SQLite would
  // replay the old WAL into it.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(source + suffix)) renameSync(source + suffix, target + suffix);
  }
  return target;
}
