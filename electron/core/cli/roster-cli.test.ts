import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureToday } from '../test-support/member-fixtures';
import { fileStore } from '../test-support/transactions-test-store';
import type { Store } from '../store/store';

const run = promisify(execFile);
const cli = path.resolve('electron/core/cli/roster-cli.ts');

const open: Store[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.db.close();
});

/** Runs the CLI from its sources in a child process, as `npm run roster` runs the built one. */
async function roster(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A data folder the app made and closed: the fixture group in groupdesk.sqlite3. */
function idleDataFolder(): string {
  const store = fileStore();
  store.db.close();
  return path.dirname(store.path);
}

describe('npm run roster -- export', () => {
  it('writes the roster of an idle data folder and reports on one JSON line', async () => {
    const data = idleDataFolder();
    const out = path.join(data, 'out', 'roster.csv');
    fs.mkdirSync(path.dirname(out));
    const result = await roster(['export', '--data', data, '--group', '4321', '--as-of', fixtureToday, '--format', 'csv', '--out', out, '--columns', 'memberId,lastName,status']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout.trim()) as Record<string, unknown>;
    expect(report).toMatchObject({ ok: true, group: '4321', asOf: fixtureToday, format: 'csv', rows: 5, out, bytes: fs.statSync(out).size });
    expect(fs.readFileSync(out, 'utf8')).toContain('Member ID,Last name,Status\r\n432000002,Abbott,Active\r\n');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['roster.csv']);
  }, 60_000);

  it('refuses a folder a running GroupDesk holds open, in one line, and writes nothing', async () => {
    const store = fileStore();
    open.push(store);
    const out = path.join(path.dirname(store.path), 'roster.pdf');
    const result = await roster(['export', '--data', path.dirname(store.path), '--group', '4321', '--as-of', fixtureToday, '--format', 'pdf', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`GroupDesk is using ${path.dirname(store.path)}. Quit it (or the browser host) and run this again.`);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ ok: false });
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses a bad date with the usage', async () => {
    const result = await roster(['export', '--data', idleDataFolder(), '--group', '4321', '--as-of', '2026-13-01', '--format', 'csv', '--out', 'x.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--as-of: /);
  }, 60_000);
});
