import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/core';
import { startBrowserHost, type BrowserHost } from './http-server';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
let dataDir: string;
let rendererDir: string;
let host: BrowserHost;
let core: ReturnType<typeof createCore>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-web-'));
  rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>GroupDesk</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dataDir, 'secret.txt'), 'not for the browser');
  // No plan service: these tests are about the host, and the core answers from its store alone.
  core = createCore({ dataDir: path.join(dataDir, 'store'), encryptionKey: Buffer.alloc(32, 7), sandbox: false });
  host = await startBrowserHost({ core, dataDir: path.join(dataDir, 'store'), token: TOKEN, rendererDir });
});

afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw request so tests control the Host header, which fetch() will not let them set. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (body: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', path: '/rpc', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('answers a call with the token through the real core', async () => {
    const res = await rpc({ method: 'app.status', input: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { store: { state: 'ready' } } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer wrong' }],
    ['a token of the right length but wrong', { authorization: `Bearer ${'x'.repeat(TOKEN.length)}` }],
    ['the token without Bearer', { authorization: TOKEN }],
  ])('refuses %s with 401', async (_label, headers) => {
    const res = await send({ method: 'POST', path: '/rpc', headers: { 'content-type': 'application/json', ...headers }, body: '{"method":"app.startFresh","input":{"confirm":true}}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'AUTH' } });
  });

  it('refuses another host name pointed at 127.0.0.1 (DNS rebinding)', async () => {
    const res = await send({ method: 'POST', path: '/rpc', headers: { host: `evil.example:${host.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(421);
  });

  it.each([
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 'method=groups.list', 415],
    ['malformed JSON', { 'content-type': 'application/json' }, '{"method":', 400],
    ['an unknown field', { 'content-type': 'application/json' }, '{"method":"groups.list","input":{},"extra":1}', 400],
    ['an oversize body', { 'content-type': 'application/json' }, Buffer.alloc(1024 * 1024 + 1, 32), 413],
  ])('answers %s with a clear error', async (_label, headers, body, status) => {
    const res = await send({ method: 'POST', path: '/rpc', headers: { authorization: `Bearer ${TOKEN}`, ...headers }, body });
    expect(res.status).toBe(status);
    const parsed = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(parsed.ok).toBe(false);
    expect(parsed.error.message.length).toBeGreaterThan(0);
  });

  it('passes the dispatcher’s validation errors through with field paths', async () => {
    const res = await rpc({ method: 'members.list', input: { groupNumber: 'abc' } });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { groupNumber: expect.any(String) } } });
  });

  it('serves the renderer with a CSP and refuses paths outside it', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await send({ path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%00', '/%E0%A4%A']) {
      const res = await send({ path: escape });
      expect(res.status, escape).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('streams core events to a client with the token and refuses one without', async () => {
    expect((await send({ path: '/events' })).status).toBe(401);
    // A store that starts unreadable: starting fresh is a write that the core announces as an event.
    const corruptDir = path.join(dataDir, 'corrupt-store');
    mkdirSync(corruptDir);
    writeFileSync(path.join(corruptDir, 'groupdesk.sqlite3'), 'not a database '.repeat(100));
    const corruptCore = createCore({ dataDir: corruptDir, encryptionKey: Buffer.alloc(32, 7), sandbox: false });
    const corruptHost = await startBrowserHost({ core: corruptCore, dataDir: path.join(dataDir, 'store'), token: TOKEN, rendererDir });
    try {
      const received = new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: corruptHost.port, path: `/events?token=${TOKEN}`, headers: { host: `127.0.0.1:${corruptHost.port}` } }, (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let buffer = '';
          res.on('data', (chunk: Buffer) => {
            buffer += chunk.toString();
            const data = buffer.split('\n').find((line) => line.startsWith('data: '));
            if (data) {
              resolve(data.slice('data: '.length));
              req.destroy();
            } else if (buffer.includes(': connected')) {
              void corruptCore.call('app.startFresh', { confirm: true });
            }
          });
        });
        req.on('error', (error) => (error.message.includes('aborted') || error.message.includes('socket hang up') ? undefined : reject(error)));
        req.end();
      });
      expect(JSON.parse(await received)).toMatchObject({ type: 'store.state', store: { state: 'ready' } });
    } finally {
      await corruptHost.close();
      await corruptCore.close();
    }
  });
});

describe('files between the browser and the core', () => {
  const filesDir = () => path.join(dataDir, 'store', 'files');

  it('receives an upload into the core’s files folder and downloads it back once, under the name asked for', async () => {
    const upload = await send({ method: 'POST', path: '/files', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }, body: 'Action,Member ID\n' });
    expect(upload.status).toBe(200);
    const { value } = JSON.parse(upload.body) as { value: { fileId: string; bytes: number } };
    expect(value.bytes).toBe(17);
    expect(readFileSync(path.join(filesDir(), value.fileId), 'utf8')).toBe('Action,Member ID\n');

    const download = await send({ path: `/files/${value.fileId}?token=${TOKEN}&name=${encodeURIComponent('roster Ñ 2026.csv')}` });
    expect(download.status).toBe(200);
    expect(download.body).toBe('Action,Member ID\n');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="roster _ 2026.csv"; filename*=UTF-8''roster%20%C3%91%202026.csv`);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    await expect.poll(() => existsSync(path.join(filesDir(), value.fileId))).toBe(false);
    expect((await send({ path: `/files/${value.fileId}?token=${TOKEN}` })).status).toBe(404);
  });

  it('needs the token both ways and takes only ids it made', async () => {
    expect((await send({ method: 'POST', path: '/files', body: 'x' })).status).toBe(401);
    mkdirSync(filesDir(), { recursive: true });
    writeFileSync(path.join(filesDir(), '0f8fad5b-d9cb-469f-a165-70867728950e'), 'members');
    expect((await send({ path: '/files/0f8fad5b-d9cb-469f-a165-70867728950e' })).status).toBe(401);
    expect((await send({ path: `/files/..%2F..%2Fsecret.txt?token=${TOKEN}` })).status).toBe(404);
    expect((await send({ method: 'PUT', path: '/files/0f8fad5b-d9cb-469f-a165-70867728950e' })).status).toBe(405);
  });
});
