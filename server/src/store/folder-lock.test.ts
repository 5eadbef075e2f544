import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE, lockDataFolder } from './folder-lock';

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'groupdesk-folder-lock-'));
  made.push(dir);
  return path.join(dir, 'plan-service');
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lock file as another process holding the folder would have written it. */
function heldBy(dir: string, holder: { pid: number; host?: string }, touchedSecondsAgo = 0): string {
  const file = path.join(dir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ id: 'other', purpose: 'plan service', ...holder }));
  const at = new Date(Date.now() - touchedSecondsAgo * 1000);
  utimesSync(file, at, at);
  return file;
}
/** The process ID of a program that has ended. */
const endedPid = (): number => Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));

describe('lockDataFolder', () => {
  it('claims the folder with who holds it, and gives it back; the next opener claims it again', async () => {
    const dir = dataDir();
    const lock = await lockDataFolder(dir, 'plan service');
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), purpose: 'plan service', startedAt: expect.any(String) });
    await lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    await (await lockDataFolder(dir, 'plan service')).release();
  });

  it('refuses a second opener in the same process', async () => {
    const dir = dataDir();
    const lock = await lockDataFolder(dir, 'plan service');
    await expect(lockDataFolder(dir, 'ops requests')).rejects.toBeInstanceOf(DataFolderInUseError);
    await lock.release();
  });

  it('refuses while another live process holds the folder, naming the folder, the process and what it does', async () => {
    const dir = dataDir();
    await (await lockDataFolder(dir, 'plan service')).release();
    heldBy(dir, { pid: process.ppid, host: hostname() });
    const refused = lockDataFolder(dir, 'ops approve');
    await expect(refused).rejects.toBeInstanceOf(DataFolderInUseError);
    await expect(refused).rejects.toThrow(`The data folder ${dir} is in use by process ${process.ppid} (plan service).`);
  });

  it('refuses while a process on another host holds the folder and keeps its lock fresh', async () => {
    const dir = dataDir();
    await (await lockDataFolder(dir, 'plan service')).release();
    heldBy(dir, { pid: endedPid(), host: 'another-host.invalid' });
    await expect(lockDataFolder(dir, 'plan service')).rejects.toThrow(/on another-host\.invalid/);
  });

  it.each([
    ['its process has ended (a crash)', () => ({ pid: endedPid(), ago: 0 })],
    ['its holder stopped touching it (the process ID may belong to someone else now)', () => ({ pid: process.ppid, ago: 120 })],
    ["it is this process's own, from a worker thread stopped without closing", () => ({ pid: process.pid, ago: 0 })],
  ])('takes over a lock when %s', async (_case, holder) => {
    const dir = dataDir();
    await (await lockDataFolder(dir, 'plan service')).release();
    const { pid, ago } = holder();
    const file = heldBy(dir, { pid, host: hostname() }, ago);
    const lock = await lockDataFolder(dir, 'plan service');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a lock in the older format, which names only the process', async () => {
    const dir = dataDir();
    await (await lockDataFolder(dir, 'GroupDesk sandbox')).release();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: endedPid(), id: 'old' }));
    await (await lockDataFolder(dir, 'GroupDesk sandbox')).release();
  });

  it('does not remove a lock that another process took over meanwhile', async () => {
    const dir = dataDir();
    const lock = await lockDataFolder(dir, 'plan service');
    const file = heldBy(dir, { pid: process.ppid });
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });

  it('is gone when its process exits without releasing it', () => {
    const dir = dataDir();
    const script = `import('${path.join(import.meta.dirname, 'folder-lock.ts')}').then(async (m) => { await m.lockDataFolder(${JSON.stringify(dir)}, 'ops approve'); console.log('locked'); process.exit(3); })`;
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })).toThrow(expect.objectContaining({ status: 3, stdout: 'locked\n' }) as Error);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
