import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How often the holder marks its lock as alive, and after how long without that a lock is abandoned. */
const TOUCH_MS = 15_000;
const STALE_MS = 60_000;

/** The sandbox's database is already open in another program (the Electron app and `npm run web` share a data folder). */
export class SandboxInUseError extends Error {
  override name = 'SandboxInUseError';
  constructor() {
    super('Another GroupDesk (the app or its browser version) is using the sandbox in this data folder. Close it, then restart GroupDesk.');
  }
}

export interface ServiceLock {
  release(): Promise<void>;
}

/**
 * Claims `<serviceDir>/in-use.lock` for this process. PGlite does not stop a second program from
 * opening the same database folder (its lock file names a fake process), and two writers would
 * corrupt it. A lock is abandoned, and taken over, when its process is gone, when it is this
 * process's own (a worker stopped without closing), or when its holder has not touched it for a
 * minute (its process ID may have been reused since).
 */
export async function lockServiceDir(serviceDir: string): Promise<ServiceLock> {
  await mkdir(serviceDir, { recursive: true });
  const file = path.join(serviceDir, 'in-use.lock');
  const mine = JSON.stringify({ pid: process.pid, id: randomUUID() });
  try {
    await writeFile(file, mine, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!(await abandoned(file))) throw new SandboxInUseError();
    await rm(file, { force: true });
    await writeFile(file, mine, { flag: 'wx' });
  }
  const touch = setInterval(() => {
    const now = new Date();
    void utimes(file, now, now).catch(() => undefined);
  }, TOUCH_MS);
  touch.unref();
  return {
    async release() {
      clearInterval(touch);
      const held = await readFile(file, 'utf8').catch(() => null);
      if (held === mine) await rm(file, { force: true });
    },
  };
}

async function abandoned(file: string): Promise<boolean> {
  let pid: unknown;
  let touchedAt: number;
  try {
    pid = (JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown }).pid;
    touchedAt = (await stat(file)).mtimeMs;
  } catch {
    return true;
  }
  if (Date.now() - touchedAt > STALE_MS) return true;
  if (typeof pid !== 'number' || pid === process.pid) return true;
  return !processAlive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
