import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, DEFAULT_WINDOW_BOUNDS, SETTINGS_SCHEMA_VERSION, openSettings } from './settings';

// electron-store reads userData and registers an ipcMain listener through `electron` at load; it is
// inlined by vitest.config.ts so this mock reaches it (vi.mock does not reach external dependencies).
vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

function folderWith(contents?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'groupdesk-settings-'));
  if (contents !== undefined) writeFileSync(path.join(dir, 'settings.json'), typeof contents === 'string' ? contents : JSON.stringify(contents));
  return dir;
}

describe('settings', () => {
  it('starts from defaults and records the schema version', () => {
    const dir = folderWith();
    const settings = openSettings({ cwd: dir });
    expect(settings.windowBounds()).toEqual(DEFAULT_WINDOW_BOUNDS);
    expect(settings.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION });
  });

  it('persists window bounds and preferences', () => {
    const dir = folderWith();
    const first = openSettings({ cwd: dir });
    first.setWindowBounds({ x: -1200, y: 40, width: 1100, height: 760, maximized: true });
    first.setPreferences({ notifications: false });
    const second = openSettings({ cwd: dir });
    expect(second.windowBounds()).toEqual({ x: -1200, y: 40, width: 1100, height: 760, maximized: true });
    expect(second.preferences()).toEqual({ notifications: false });
  });

  it('falls back per value: a bad width resets the bounds but keeps the preferences', () => {
    const dir = folderWith({ schemaVersion: 1, windowBounds: { width: 'wide', height: 700, maximized: false }, preferences: { notifications: false } });
    const settings = openSettings({ cwd: dir });
    expect(settings.windowBounds()).toEqual(DEFAULT_WINDOW_BOUNDS);
    expect(settings.preferences()).toEqual({ notifications: false });
  });

  it.each([
    [{ width: 50, height: 700, maximized: false }, 'too small'],
    [{ width: 1000.5, height: 700, maximized: false }, 'fractional'],
    [{ width: 1000, height: 700 }, 'missing maximized'],
    [null, 'null'],
    ['1280x800', 'a string'],
  ])('ignores stored bounds that are %s (%s)', (windowBounds, _label) => {
    expect(openSettings({ cwd: folderWith({ schemaVersion: 1, windowBounds }) }).windowBounds()).toEqual(DEFAULT_WINDOW_BOUNDS);
  });

  it('ignores preferences of the wrong type', () => {
    expect(openSettings({ cwd: folderWith({ schemaVersion: 1, preferences: { notifications: 'yes' } }) }).preferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('starts over when the file is not JSON (clearInvalidConfig)', () => {
    expect(openSettings({ cwd: folderWith('{"windowBounds": {') }).windowBounds()).toEqual(DEFAULT_WINDOW_BOUNDS);
  });

  it('does not save nonsense bounds', () => {
    const dir = folderWith();
    const settings = openSettings({ cwd: dir });
    settings.setWindowBounds({ x: 0, y: 0, width: 0, height: 0, maximized: false });
    expect(settings.windowBounds()).toEqual(DEFAULT_WINDOW_BOUNDS);
  });

  it('never downgrades the version written by a newer GroupDesk', () => {
    const dir = folderWith({ schemaVersion: 99 });
    openSettings({ cwd: dir });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: 99 });
  });
});
