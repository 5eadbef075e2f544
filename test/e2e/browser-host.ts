import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface RunningHost {
  /** The address printed at launch, token included. */
  appUrl: string;
  origin: string;
  token: string;
  dataDir: string;
}

/** Starts `out/web/main.mjs` on a free port with its own data folder and resolves when it prints its address. */
export async function launchBrowserHost(dataDir: string, extraArgs: string[] = []): Promise<{ host: RunningHost; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/web/main.mjs', '--no-open', '--data-dir', dataDir, ...extraArgs], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      if (text.startsWith('GroupDesk is running at ')) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)));
  });
  const appUrl = line.slice('GroupDesk is running at '.length);
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  return { host: { appUrl, origin: url.origin, token, dataDir }, child };
}

export async function stopBrowserHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Each test gets a fresh temporary data folder and its own browser host. */
export const test = base.extend<{ host: RunningHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-'));
    const { host, child } = await launchBrowserHost(dataDir);
    await use(host);
    await stopBrowserHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect } from '@playwright/test';
