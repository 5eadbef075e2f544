import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run server` as a user runs it: the built bundle, settings from the environment. */
// A fresh PGlite data folder is created at start-up (initdb), which takes many seconds on a busy CI machine.
describe('npm run server', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-cli-'));
    await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--quiet', '--only=server'], { cwd: root });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the one line with its URL, serves the API, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['out/server/cli.mjs'], { cwd: root, env: { ...process.env, DATA_DIR: dir, PORT: '0', LOG: 'on' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^GroupDesk plan service listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${stdout}`)));
    });
    const response = await fetch(`${url}/v1/openapi.json`);
    expect(response.status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad settings with a message naming them, exit code 1', async () => {
    const run = promisify(execFile)(process.execPath, ['out/server/cli.mjs'], { cwd: root, env: { ...process.env, PORT: 'ninety' } });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/PORT/) });
  });
});
