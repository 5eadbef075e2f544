import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/contract';
import { buildSandboxWorker } from '../../scripts/sandbox-bundle.mjs';
import { BrowserWindow, app, becomeReady, electronModule, ipcMain, log, protocol, resetFake } from './test-support/fake-electron';

/**
 * The built main bundle, loaded by Node's own `require` with only `electron` replaced by the fake:
 * it proves the CommonJS bundle loads (electron-store, which is ESM-only, inlined: no ERR_REQUIRE_ESM),
 * registers what must precede ready synchronously at load (an ESM main would not), and wires a real core worker
 * (built beside it, with the real better-sqlite3) to gd:call, which starts the real embedded sandbox
 * plan service from the path main hands it and syncs from it. Built with scripts/build.mjs's options
 * for `main`, `core` and `sandbox`, under node_modules/.cache so the bundles resolve the installed packages.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(root, 'node_modules', '.cache', 'groupdesk-host-bundle', randomUUID(), 'out');
const common = { bundle: true, platform: 'node', target: 'node20', absWorkingDir: root, loader: { '.sql': 'text' }, logLevel: 'silent' } as const;

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load };
const originalLoad = moduleInternals._load;

beforeAll(async () => {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: path.join(outDir, 'main', 'index.cjs'), format: 'cjs', external: ['electron', 'better-sqlite3'] }),
    build({ ...common, entryPoints: ['electron/core/worker.ts'], outfile: path.join(outDir, 'core', 'worker.cjs'), format: 'cjs', packages: 'external' }),
    buildSandboxWorker({ root, outDir, logLevel: 'silent' }),
  ]);
  resetFake();
  const fake = electronModule();
  moduleInternals._load = function load(request, parent, isMain) {
    return request === 'electron' ? fake : originalLoad.call(this, request, parent, isMain);
  };
}, 120_000);

afterAll(() => {
  moduleInternals._load = originalLoad;
  rmSync(path.dirname(outDir), { recursive: true, force: true });
});

describe('built main bundle', () => {
  it('loads as CommonJS and does its before-ready work synchronously', () => {
    createRequire(import.meta.url)(path.join(outDir, 'main', 'index.cjs'));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(log).toEqual(expect.arrayContaining(['schemes', 'lock', 'app.on:open-url', 'app.on:second-instance', 'app.on:web-contents-created']));
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it('after ready, answers gd:call from the real core worker, which syncs from the embedded sandbox service', async () => {
    becomeReady();
    await vi.waitFor(() => expect(log).toContain('loadURL:app://bundle/index.html'), { timeout: 30_000 });
    expect(BrowserWindow.all[0]?.options.webPreferences?.preload).toBe(path.join(outDir, 'preload', 'index.cjs'));
    const call = ipcMain.handlers.get('gd:call');
    const fromRenderer = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    const status = () => call?.(fromRenderer, { method: 'app.status', input: {} }) as Promise<Result<{ store: { state: string }; mode: string; online: boolean; lastSyncAt: string | null }>>;
    expect(await status()).toMatchObject({ ok: true, value: { store: { state: 'ready' } } });
    // The first start creates and seeds the sandbox database; a loaded test machine needs a while.
    await vi.waitFor(async () => expect(await status()).toMatchObject({ ok: true, value: { mode: 'sandbox', online: true, lastSyncAt: expect.any(String) } }), { timeout: 100_000, interval: 500 });
    const groups = (await call?.(fromRenderer, { method: 'groups.list', input: {} })) as Result<Array<{ groupNumber: string }>>;
    expect(groups.ok && groups.value.length).toBe(2);
  }, 120_000);

  it('stops the worker before quitting', async () => {
    const willQuit = { preventDefault: vi.fn() };
    app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 20_000 });
  }, 30_000);
});
