import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, mkdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** How often the holder marks its lock as alive, and after how long without that a lock is abandoned. */
const TOUCH_MS = 15_000;
const STALE_MS = 60_000;

/** The lock file's name inside the data folder (the desktop's sandbox has used it from the start). */
export const LOCK_FILE = 'in-use.lock';

/** Who holds a data folder, as its lock file says. Older sandbox locks carry only pid and id. */
const lockHolder = z.object({
  pid: z.number().int().positive(),
  id: z.string(),
  host: z.string().optional(),
  startedAt: z.string().optional(),
  /** What the holder is doing: `plan service`, `ops approve`, `GroupDesk sandbox`. */
  purpose: z.string().optional(),
});
export type LockHolder = z.infer<typeof lockHolder>;

/** The data folder is open in another live process; PGlite must never be opened twice. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    const what = holder.purpose ? ` (${holder.purpose})` : '';
    const where = holder.host && holder.host !== os.hostname() ? ` on ${holder.host}` : '';
    super(`The data folder ${folder} is in use by process ${holder.pid}${what}${where}.`);
  }
}

export interface FolderLock {
  readonly folder: string;
  release(): Promise<void>;
}

/** Lock files this module instance holds, so a second open in the same thread is refused, not taken over. */
const heldHere = new Set<string>();

/**
 * Claims `<folder>/in-use.lock` for this process. PGlite does not stop a second process from
 * opening the same database folder (its own lock file names a fake process), and two writers
 * corrupt it. The file is created exclusively; an existing one is taken over only when abandoned:
 * its process is gone, it is this process's own from a thread that ended without closing (worker
 * threads cannot see each other's locks), or its holder has not touched it for a minute (after a
 * reboot its process ID may belong to someone else, and a holder on another host cannot be probed).
 * Released on release() and, failing that, when the process exits.
 */
export async function lockDataFolder(folder: string, purpose: string): Promise<FolderLock> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, LOCK_FILE);
  if (heldHere.has(file)) throw new DataFolderInUseError(folder, (await readHolder(file)) ?? { pid: process.pid, id: '', purpose });
  const mine = JSON.stringify({ pid: process.pid, id: randomUUID(), host: os.hostname(), startedAt: new Date().toISOString(), purpose } satisfies LockHolder);
  if (!(await createExclusively(file, mine))) {
    const holder = await readHolder(file);
    if (holder && !(await abandoned(file, holder))) throw new DataFolderInUseError(folder, holder);
    await rm(file, { force: true });
    // Of two processes taking over the same abandoned lock, one loses here.
    if (!(await createExclusively(file, mine))) throw new DataFolderInUseError(folder, (await readHolder(file)) ?? { pid: 0, id: '' });
  }
  heldHere.add(file);
  const touch = setInterval(() => {
    const now = new Date();
    void utimes(file, now, now).catch(() => undefined);
  }, TOUCH_MS);
  touch.unref();
  // An exit without release (process.exit after an error) must not leave the folder looking taken.
  const onExit = (): void => {
    heldHere.delete(file);
    rmSync(file, { force: true });
  };
  process.once('exit', onExit);
  let released = false;
  return {
    folder,
    async release() {
      if (released) return;
      released = true;
      clearInterval(touch);
      process.removeListener('exit', onExit);
      heldHere.delete(file);
      const held = await readFile(file, 'utf8').catch(() => null);
      if (held === mine) await rm(file, { force: true });
    },
  };
}

/**
 * Writes the whole file beside it, then links it into place: the link fails if the lock exists, and
 * a reader never sees a lock file created but not yet written (which would look abandoned).
 */
async function createExclusively(file: string, content: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/** Who holds the folder now, or undefined when nobody does (or the file is unreadable). */
export async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed = lockHolder.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function abandoned(file: string, holder: LockHolder): Promise<boolean> {
  const touchedAt = await stat(file).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (Date.now() - touchedAt > STALE_MS) return true;
  if (holder.host !== undefined && holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return true;
  return !processAlive(holder.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user. ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
