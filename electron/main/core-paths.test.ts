import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreWorkerPath, nativeBindingPath, preloadPath, rendererRoot, sandboxWorkerPath, unpackedPath } from './core-paths';

const mainDir = path.resolve('out', 'main');

describe('bundle paths', () => {
  it('finds the worker, preload and renderer beside the main bundle, absolutely', () => {
    expect(coreWorkerPath(mainDir)).toBe(path.resolve('out', 'core', 'worker.cjs'));
    expect(preloadPath(mainDir)).toBe(path.resolve('out', 'preload', 'index.cjs'));
    expect(rendererRoot(mainDir)).toBe(path.resolve('out', 'renderer'));
    expect(path.isAbsolute(coreWorkerPath(mainDir))).toBe(true);
  });

  it('runs the sandbox worker from app.asar.unpacked in a packaged app, from out/sandbox in development', () => {
    expect(sandboxWorkerPath(mainDir, false)).toBe(path.resolve('out', 'sandbox', 'worker.mjs'));
    const packaged = path.join('/opt/GroupDesk/resources/app.asar', 'out', 'main');
    expect(sandboxWorkerPath(packaged, true)).toBe(path.join('/opt/GroupDesk/resources/app.asar.unpacked', 'out', 'sandbox', 'worker.mjs'));
  });
});

describe('nativeBindingPath', () => {
  it('resolves the installed better-sqlite3 addon to an absolute path in development', () => {
    const binding = nativeBindingPath(mainDir, false);
    expect(binding).toBe(path.resolve('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  });

  it('leaves the lookup to better-sqlite3 when the addon is not where expected', () => {
    expect(nativeBindingPath(path.join('/nowhere', 'out', 'main'), false)).toBeUndefined();
  });
});

describe('unpackedPath', () => {
  it.each([
    ['/Applications/GroupDesk.app/Contents/Resources/app.asar/node_modules/better-sqlite3/build/Release/better_sqlite3.node', '/Applications/GroupDesk.app/Contents/Resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'],
    ['C:\\Program Files\\GroupDesk\\resources\\app.asar\\node_modules\\x.node', 'C:\\Program Files\\GroupDesk\\resources\\app.asar.unpacked\\node_modules\\x.node'],
    ['/tmp/.mount_GroupDXYZ/resources/app.asar.unpacked/x.node', '/tmp/.mount_GroupDXYZ/resources/app.asar.unpacked/x.node'],
    ['/home/me/my-app.asarx/node_modules/x.node', '/home/me/my-app.asarx/node_modules/x.node'],
    ['/work/main/node_modules/better-sqlite3/build/Release/better_sqlite3.node', '/work/main/node_modules/better-sqlite3/build/Release/better_sqlite3.node'],
  ])('%s → %s', (packaged, unpacked) => {
    expect(unpackedPath(packaged)).toBe(unpacked);
  });
});
