import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebArgs } from './cli-options';
import { defaultDataDir, prepareDataDir } from './data-dir';
import { loadOrCreateKey } from './key-file';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-web-setup-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run web arguments', () => {
  it.each([
    [[], { open: true, demo: false, help: false }],
    [['--demo'], { demo: true }],
    [['--port', '5391'], { port: 5391, open: true }],
    [['--data-dir', '/tmp/x', '--no-open'], { dataDir: '/tmp/x', open: false }],
    [['-h'], { help: true }],
  ])('%j parses', (argv, expected) => {
    const parsed = parseWebArgs(argv);
    expect(parsed).toMatchObject({ ok: true, options: expected });
  });

  it.each([[['--port', 'eighty']], [['--port', '70000']], [['--colour']], [['stray']]])('%j is refused with a message', (argv) => {
    const parsed = parseWebArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });
});

describe('data folder', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/cfg' }, '/cfg/GroupDesk/web'],
    ['win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, path.join('C:\\Users\\a\\AppData\\Roaming', 'GroupDesk', 'web')],
    ['darwin', {}, path.join(os.homedir(), 'Library', 'Application Support', 'GroupDesk', 'web')],
  ] as const)('on %s defaults to a folder of its own inside the one Electron uses, never the desktop app’s store', (platform, env, expected) => {
    expect(defaultDataDir(platform, env)).toBe(expected);
  });

  it('creates a missing folder', () => {
    const dir = path.join(tempDir(), 'a', 'b');
    expect(prepareDataDir(dir)).toEqual({ ok: true, dir });
  });

  it('explains a folder that cannot be created instead of crashing', () => {
    const file = path.join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const check = prepareDataDir(path.join(file, 'data'));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/cannot write its data folder .*--data-dir/);
  });
});

describe('key file', () => {
  it('is created once with 32 bytes, readable only by the user, and reused', () => {
    const dir = tempDir();
    const first = loadOrCreateKey(dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, 'groupdesk.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(dir).equals(first)).toBe(true);
  });

  it('tightens a key file whose permissions were loosened', () => {
    const dir = tempDir();
    loadOrCreateKey(dir);
    chmodSync(path.join(dir, 'groupdesk.key'), 0o644);
    loadOrCreateKey(dir);
    expect(statSync(path.join(dir, 'groupdesk.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key rather than making a new one that could not read the old data', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'groupdesk.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateKey(dir)).toThrow(/damaged/);
    expect(readFileSync(path.join(dir, 'groupdesk.key'), 'utf8')).toBe('c2hvcnQ=\n');
  });
});
