import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { importColumns } from '../services/rosters/import-columns';
import { rowCells, type FilledRow } from '../test-support/import-files';
import { fileStore } from '../test-support/transactions-test-store';
import { fixtureKey, fixtureMembers, fixtureToday } from '../test-support/member-fixtures';
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

describe('npm run roster -- import --dry-run', () => {
  /** An idle folder with its data key where the browser host keeps it. */
  function idleFolderWithKey(): string {
    const key = fixtureKey();
    const store = fileStore(fixtureMembers(), key);
    store.db.close();
    const data = path.dirname(store.path);
    fs.writeFileSync(path.join(data, 'groupdesk.key'), `${key.toString('base64')}\n`, { mode: 0o600 });
    return data;
  }

  it('checks a sheet as the app does, reports every member on one JSON line, fails on a refusal and leaves the folder as it was', async () => {
    const data = idleFolderWithKey();
    const sheet = path.join(data, 'changes.csv');
    const header = importColumns.map((c) => c.label);
    const terminate: FilledRow = { action: 'Terminate', memberId: '432000001', relationship: 'Employee', firstName: 'Walter', lastName: 'Zimmer', terminationDate: '2026-11-30', reason: 'termination_of_employment' };
    const badDate: FilledRow = { action: 'Add', familyKey: '432000002', relationship: 'Child', firstName: 'Ivy', lastName: 'Abbott', dateOfBirth: '2026-02-30', gender: 'F', reason: 'birth', effectiveDate: '2026-11-20' };
    fs.writeFileSync(sheet, stringify([header, rowCells(terminate), rowCells(badDate)]));
    const result = await roster(['import', '--data', data, '--group', '4321', '--file', sheet, '--dry-run', '--today', fixtureToday]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout.trim()) as { ok: boolean; members: number; queue: number; refuse: number; items: { location: { number: number }; outcome: string; reason: string | null }[] };
    expect(report).toMatchObject({ ok: false, format: 'csv', members: 2, queue: 1, refuse: 1, acknowledgment: null });
    expect(report.items.map((i) => [i.location.number, i.outcome])).toEqual([
      [2, 'queue'],
      [3, 'refuse'],
    ]);
    expect(report.items[1]?.reason).toMatch(/2026-02-30/);
    const db = new Database(path.join(data, 'groupdesk.sqlite3'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    db.close();
  }, 60_000);

  it('writes an 834’s 999 acknowledgment beside the file', async () => {
    const data = idleFolderWithKey();
    const file = path.join(data, 'terminations.x12');
    fs.copyFileSync(path.resolve('electron/core/test-support/x12/example-834-terminations.x12'), file);
    const result = await roster(['import', '--data', data, '--group', '4321', '--file', file, '--dry-run', '--today', fixtureToday]);
    const report = JSON.parse(result.stdout.trim()) as { format: string; acknowledgment: string };
    expect(report).toMatchObject({ format: 'x12-834', acknowledgment: path.join(data, 'terminations.999.txt') });
    expect(fs.readFileSync(report.acknowledgment, 'utf8')).toMatch(/^ISA\*.*AK9\*A\*1\*1\*1~/s);
  }, 60_000);

  it('does only dry runs, and needs the folder’s key', async () => {
    const data = idleDataFolder();
    const noDryRun = await roster(['import', '--data', data, '--group', '4321', '--file', 'x.csv']);
    expect(noDryRun.code).toBe(2);
    expect(noDryRun.stderr).toMatch(/^--dry-run: Only a dry run can be done here/);
    fs.writeFileSync(path.join(data, 'x.csv'), 'Action\n');
    const noKey = await roster(['import', '--data', data, '--group', '4321', '--file', path.join(data, 'x.csv'), '--dry-run']);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr.trim()).toMatch(/^No data key for /);
  }, 60_000);
});
