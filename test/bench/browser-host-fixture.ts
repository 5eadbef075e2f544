import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built browser host (`node scripts/build.mjs`), as `npm run web` runs it. */
export const webMain = path.join(root, 'out', 'web', 'main.mjs');
/** Chromium headless with nothing dialling out, found and launched as playwright.config.ts does. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Host {
  child: ChildProcess;
  origin: string;
  appUrl: string;
  token: string;
}

/**
 * Starts the built browser host on a data folder (a new one is a first launch: without `--demo` it
 * opens on Welcome); resolves with its address and token once it prints them.
 */
export async function launchHost(dataDir: string, extraArgs: readonly string[] = []): Promise<Host> {
  const child = spawn(process.execPath, [webMain, '--no-open', '--data-dir', dataDir, ...extraArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  // A run cut short (the smoke run's time limit exits the process) must not leave the host serving.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.startsWith('GroupDesk is running at ')) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)));
  });
  const appUrl = line.slice('GroupDesk is running at '.length);
  const url = new URL(appUrl);
  return { child, origin: url.origin, appUrl, token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '' };
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
