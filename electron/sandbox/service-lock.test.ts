import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockServiceDir, SandboxInUseError } from './service-lock';

const made: string[] = [];
const serviceDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'groupdesk-sandbox-lock-'));
  made.push(dir);
  return path.join(dir, 'plan-service');
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lock file as another program holding it would have written it. */
function heldBy(dir: string, pid: number, touchedSecondsAgo = 0): string {
  const file = path.join(dir, 'in-use.lock');
  writeFileSync(file, JSON.stringify({ pid, id: 'other' }));
  const at = new Date(Date.now() - touchedSecondsAgo * 1000);
  utimesSync(file, at, at);
  return file;
}
/** The process ID of a program that has ended. */
const endedPid = (): number => Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));

describe('lockServiceDir', () => {
  it('claims the folder and gives it back; the next start claims it again', async () => {
    const dir = serviceDir();
    const lock = await lockServiceDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'in-use.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(existsSync(path.join(dir, 'in-use.lock'))).toBe(false);
    await (await lockServiceDir(dir)).release();
  });

  it('refuses while another live program holds the folder', async () => {
    const dir = serviceDir();
    await (await lockServiceDir(dir)).release();
    heldBy(dir, process.ppid);
    await expect(lockServiceDir(dir)).rejects.toBeInstanceOf(SandboxInUseError);
  });

  it.each([
    ['its program has ended', () => ({ pid: endedPid(), ago: 0 })],
    ['its holder stopped touching it (the process ID may belong to someone else now)', () => ({ pid: process.ppid, ago: 120 })],
    ['it is this process\'s own, from a worker stopped without closing', () => ({ pid: process.pid, ago: 0 })],
  ])('takes over a lock when %s', async (_case, holder) => {
    const dir = serviceDir();
    await (await lockServiceDir(dir)).release();
    const { pid, ago } = holder();
    const file = heldBy(dir, pid, ago);
    const lock = await lockServiceDir(dir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('does not remove a lock that another program took over meanwhile', async () => {
    const dir = serviceDir();
    const lock = await lockServiceDir(dir);
    const file = heldBy(dir, process.ppid);
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });
});
