import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The built preload obeys the sandbox (docs/electron-host-rules.md#the-sandboxed-preload): one CommonJS file whose only
 * requires are what a sandboxed preload's polyfilled `require` serves, with no import/export
 * statements. Built here with the same options as scripts/build.mjs's `preload` target.
 */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

let code = '';
beforeAll(async () => {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'groupdesk-preload-')), 'index.cjs');
  await build({ entryPoints: ['electron/preload/index.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], logLevel: 'silent' });
  code = readFileSync(outfile, 'utf8');
});

describe('built preload bundle', () => {
  it('requires nothing a sandboxed preload cannot require', () => {
    const required = [...code.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]);
    expect(required).toContain('electron');
    expect(required.filter((name) => name === undefined || !SANDBOX_MODULES.has(name))).toEqual([]);
  });

  it('has no ESM import or export statements', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('does not bundle zod or the contract (types only cross into the preload)', () => {
    expect(code).not.toMatch(/zod|ZodError|discriminatedUnion/);
  });

  it('runs under the sandbox’s module wrapper with only electron available, exposing window.groupdesk', () => {
    const exposeInMainWorld = vi.fn();
    const electron = { contextBridge: { exposeInMainWorld }, ipcRenderer: { on: vi.fn(), invoke: vi.fn(), removeListener: vi.fn() } };
    const preloadRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    // No __dirname, no Node globals beyond what the sandbox gives (lib/sandboxed_renderer/preload.ts).
    runInNewContext(`(function (require, module, exports) {${code}\n})`, {})(preloadRequire, module, module.exports);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]?.[0]).toBe('groupdesk');
  });
});
