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

export interface HostOptions {
  /**
   * `--demo`: start on the demo data with Welcome already dismissed, as the journeys of earlier issues
   * expect. Without it a fresh data folder opens on Welcome, as a first launch does.
   */
  demo?: boolean;
  /**
   * Starts the host's clock (its core's and its plan service's too) at this ISO instant, running
   * slowly from there (test/support/host-clock.cjs): the demo data is dated from that day and the screens show
   * the same dates and times on every run.
   */
  clockStart?: string;
}

/** Starts `out/web/main.mjs` on a free port with its own data folder and resolves when it prints its address. */
export async function launchBrowserHost(dataDir: string, options: HostOptions = {}): Promise<{ host: RunningHost; child: ChildProcess }> {
  const clock = options.clockStart === undefined ? [] : ['--require', path.join(import.meta.dirname, '..', 'support', 'host-clock.cjs')];
  const args = [...clock, 'out/web/main.mjs', '--no-open', '--data-dir', dataDir, ...(options.demo === false ? [] : ['--demo'])];
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.clockStart === undefined ? process.env : { ...process.env, GROUPDESK_CLOCK_START: options.clockStart, GROUPDESK_CLOCK_ANCHOR: String(Date.now()) },
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

/**
 * Each test gets a fresh temporary data folder and its own browser host (`test.use({ demo: false })`
 * for a first launch on Welcome); `launchHost` starts more, for a second user on another computer.
 */
export const test = base.extend<{ demo: boolean; launchHost: (options?: HostOptions) => Promise<RunningHost>; host: RunningHost }>({
  demo: [true, { option: true }],
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  launchHost: async ({}, use) => {
    const launched: { child: ChildProcess; dataDir: string }[] = [];
    await use(async (options) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-'));
      const { host, child } = await launchBrowserHost(dataDir, options);
      launched.push({ child, dataDir });
      return host;
    });
    for (const { child, dataDir } of launched) {
      await stopBrowserHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  host: async ({ demo, launchHost }, use) => {
    await use(await launchHost({ demo }));
  },
});
export { expect } from '@playwright/test';
