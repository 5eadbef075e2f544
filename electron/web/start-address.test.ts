import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConnection } from './http-server';
import { startBrowserHost, type BrowserHost } from './http-server';
import { START_CODE_TTL_MS, startCodes } from './start-codes';

const TOKEN = 'session-token-0123456789abcdefghijklmnop';
let dir: string;
let host: BrowserHost;
let clock = 1_000_000;
const codes = startCodes(() => clock);
// The start address never reaches the core.
const core: CoreConnection = { call: () => Promise.reject(new Error('not called')), onEvent: () => () => undefined };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-web-start-'));
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>GroupDesk</title>');
  host = await startBrowserHost({ core, dataDir: path.join(dir, 'data'), token: TOKEN, startCodes: codes, rendererDir: path.join(dir, 'renderer') });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(pathAndQuery: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path: pathAndQuery, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the one-time start address', () => {
  it('carries a code, not the token, and trades it once for the token in the page address', async () => {
    const code = codes.issue();
    expect(code).not.toContain(TOKEN);
    const first = await get(`/start?code=${code}`);
    expect(first).toMatchObject({ status: 303, location: `/#token=${TOKEN}` });
    const again = await get(`/start?code=${code}`);
    expect(again.status).toBe(401);
    expect(again.location).toBeUndefined();
    expect(again.body).toMatch(/already used or has expired.*address printed in the terminal/);
    expect(again.body).not.toContain(TOKEN);
  });

  it('stops working a minute after it was made, even unused', async () => {
    const late = codes.issue();
    const inTime = codes.issue();
    clock += START_CODE_TTL_MS - 1;
    expect((await get(`/start?code=${inTime}`)).status).toBe(303);
    clock += 1;
    expect((await get(`/start?code=${late}`)).status).toBe(401);
  });

  it('refuses an unknown or missing code', async () => {
    expect((await get('/start?code=made-up')).status).toBe(401);
    expect((await get('/start')).status).toBe(401);
  });
});
