import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '@shared/plan-api/accounts';
import type { InvoiceList } from '@shared/plan-api/invoices';
import { buildSandboxWorker } from '../../scripts/sandbox-bundle.mjs';
import type { SandboxToParent } from './worker-protocol';

/**
 * The built worker (scripts/build.mjs's `sandbox` target, built here under node_modules/.cache so
 * the copy is private to this run), started as the core starts it: a worker thread with workerData,
 * answering `ready` or `failed`, closing on `close`. It proves the bundle runs on its own: PGlite's
 * wasm and data are found beside it, not in node_modules.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(root, 'node_modules', '.cache', 'groupdesk-sandbox-bundle', randomUUID(), 'out');
const workerPath = path.join(outDir, 'sandbox', 'worker.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'groupdesk-sandbox-worker-'));

beforeAll(() => buildSandboxWorker({ root, outDir, logLevel: 'silent' }), 60_000);
afterAll(() => {
  rmSync(path.dirname(outDir), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the worker; resolves with its first message and a promise of its exit code, and keeps what it prints. */
function spawn(workerData: unknown): { first: Promise<SandboxToParent>; exited: Promise<number>; worker: Worker; printed: string[] } {
  const worker = new Worker(workerPath, { workerData, stdout: true, stderr: true });
  const printed: string[] = [];
  worker.stdout.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
  const first = new Promise<SandboxToParent>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { first, exited, worker, printed };
}

describe('built sandbox worker', () => {
  it('starts the service from the database template, answers ready with a working token, and exits 0 on close', async () => {
    const { first, exited, worker, printed } = spawn({ dataDir, today: '2026-03-02' });
    const ready = await first;
    if (ready.type !== 'ready') throw new Error(`expected ready, got ${ready.message}`);
    const me = await fetch(`${ready.url}/v1/me`, { headers: { authorization: `Bearer ${ready.token}` } });
    expect(((await me.json()) as Me).groups.map((g) => g.role)).toEqual(['primary_admin', 'primary_admin']);
    worker.postMessage({ type: 'close' });
    expect(await exited).toBe(0);
    await expect(fetch(`${ready.url}/v1/me`)).rejects.toThrow();
    await vi.waitFor(() => expect(printed.join('')).toMatch(/^\[sandbox\] plan service ready in \d+ ms \(database \d+ ms from the template, loaded \d+ members in \d+ ms\)\n$/));
  }, 120_000);

  it('renders an invoice PDF in the Noto Sans it carries beside the bundle', async () => {
    const { first, exited, worker } = spawn({ dataDir, today: '2026-03-02' });
    const ready = await first;
    if (ready.type !== 'ready') throw new Error(`expected ready, got ${ready.message}`);
    const headers = { authorization: `Bearer ${ready.token}` };
    const me = (await (await fetch(`${ready.url}/v1/me`, { headers })).json()) as Me;
    const group = me.groups[0]?.groupNumber ?? '';
    const list = (await (await fetch(`${ready.url}/v1/groups/${group}/invoices`, { headers })).json()) as InvoiceList;
    const invoiceNumber = list.invoices[0]?.invoiceNumber ?? '';
    const pdf = await fetch(`${ready.url}/v1/groups/${group}/invoices/${invoiceNumber}/pdf`, { headers });
    expect(pdf.status).toBe(200);
    // A whole document, its fonts embedded (a subset named with a tag, its file inside).
    const text = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).not.toContain('Helvetica');
    // Read from beside the bundle: an installed app has no node_modules to find the package in.
    expect(readdirSync(path.join(outDir, 'sandbox', 'fonts')).sort()).toEqual(['noto-sans-latin-400-normal.woff', 'noto-sans-latin-700-normal.woff']);
    worker.postMessage({ type: 'close' });
    expect(await exited).toBe(0);
  }, 120_000);

  it('answers failed, naming only the kind of error, when it cannot start', async () => {
    const notAFolder = path.join(dataDir, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const { first, exited, printed } = spawn({ dataDir: notAFolder });
    const failed = await first;
    expect(failed).toEqual({ type: 'failed', message: expect.stringMatching(/^Error E[A-Z]+\. Restart GroupDesk to try again; your data is kept\.$/) });
    expect(await exited).toBe(1);
    // Neither the message nor the log names the folder (it holds the user's name on most systems).
    await vi.waitFor(() => expect(printed.join('')).toContain('not running'));
    expect(`${JSON.stringify(failed)}${printed.join('')}`).not.toContain(dataDir);
  }, 60_000);

  it('answers failed when started without a data folder', async () => {
    const { first, exited } = spawn({});
    expect(await first).toEqual({ type: 'failed', message: expect.stringMatching(/^ZodError\. /) });
    expect(await exited).toBe(1);
  });
});

/**
 * What electron-builder leaves outside app.asar, and so outside the asar integrity check, is exactly
 * what must be a real file (docs/electron-host-rules.md#what-stays-outside-the-asar): native
 * binaries, the sandbox worker's files and @node-rs/argon2 beside it. Checked against the built
 * out/sandbox/, so a file the build adds there is either listed on purpose or packed in the archive.
 */
describe('what the installer unpacks from app.asar', () => {
  const { asarUnpack } = createRequire(import.meta.url)('../../build/electron-builder.config.cjs') as { asarUnpack: string[] };
  // electron-builder's globs, as far as this list uses them: a leading `**/` any folders, a final
  // `**` anything below, `*` within one name.
  const matches = (pattern: string, file: string): boolean => {
    let source = '';
    for (let i = 0; i < pattern.length; i += 1) {
      if (pattern.startsWith('**/', i)) {
        source += '(?:.*/)?';
        i += 2;
      } else if (pattern.startsWith('**', i)) {
        source += '.*';
        i += 1;
      } else if (pattern[i] === '*') source += '[^/]*';
      else source += '.+?^$(){}|[]\\'.includes(pattern[i]!) ? `\\${pattern[i]}` : pattern[i];
    }
    return new RegExp(`^${source}$`).test(file);
  };
  /** Built into out/sandbox/ and kept inside the archive: nothing loads it (Node reads source maps only with --enable-source-maps). */
  const packed = ['out/sandbox/worker.mjs.map'];

  it('unpacks only native binaries, the sandbox worker and @node-rs/argon2', () => {
    expect(asarUnpack).toEqual([
      '**/*.node',
      'out/sandbox/worker.mjs',
      'out/sandbox/pglite.wasm',
      'out/sandbox/pglite.data',
      'out/sandbox/initdb.wasm',
      'out/sandbox/fonts/**',
      'out/sandbox/plan-service-template/**',
      'node_modules/@node-rs/argon2/**',
      'node_modules/@node-rs/argon2-*/**',
    ]);
  });

  it('lists every file of the built sandbox as unpacked or packed on purpose, and no pattern matches nothing', () => {
    const built = (readdirSync(path.join(outDir, 'sandbox'), { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.dirname(outDir), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    expect(built).toContain('out/sandbox/worker.mjs');
    const sandboxPatterns = asarUnpack.filter((pattern) => pattern.startsWith('out/sandbox/'));
    for (const file of built) expect(packed.includes(file) || sandboxPatterns.some((pattern) => matches(pattern, file)), file).toBe(true);
    for (const file of packed) expect(sandboxPatterns.some((pattern) => matches(pattern, file)), file).toBe(false);
    for (const pattern of sandboxPatterns) expect(built.some((file) => matches(pattern, file)), pattern).toBe(true);
  });

  it('unpacks @node-rs/argon2 with the platform packages it loads its binary from, and nothing else under @node-rs', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'node_modules', '@node-rs', 'argon2', 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
    const platforms = Object.keys(manifest.optionalDependencies ?? {});
    expect(platforms.length).toBeGreaterThan(0);
    for (const name of platforms) expect(matches('node_modules/@node-rs/argon2-*/**', `node_modules/${name}/index.js`), name).toBe(true);
    expect(matches('node_modules/@node-rs/argon2-*/**', 'node_modules/@node-rs/other/index.js')).toBe(false);
    expect(matches('**/*.node', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });
});
