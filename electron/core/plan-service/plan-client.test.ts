import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncTestService, type SyncTestService } from '../test-support/plan-service';
import { PlanClient, PlanError } from './plan-client';
import { planFailure } from './plan-failure';

const client = (url: string, token: string | null) => new PlanClient({ url, token, signal: new AbortController().signal, timeoutMs: 5000 });

async function failure(call: Promise<unknown>): Promise<PlanError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('The call succeeded');
}

describe('the plan client', () => {
  let test: SyncTestService;
  let odd: Server;
  let oddUrl = '';
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 2 });
    // A server that is not a plan service: busy on one path, a web page on another.
    odd = createServer((req, res) => {
      if (req.url === '/v1/me') res.writeHead(503).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>a captive portal</html>');
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    odd?.close();
    await test?.close();
  });

  it('reads checked answers with the bearer token', async () => {
    expect(await client(test.service.url, test.token).me()).toMatchObject({ userId: test.userId, groups: [{ groupNumber: test.groupNumber, role: 'primary_admin' }] });
    const page = await client(test.service.url, test.token).changes(test.groupNumber, 0, 5);
    expect(page).toMatchObject({ groupNumber: test.groupNumber, nextAfter: 5, hasMore: true });
  });

  it('sorts failures into retry, signed out, rejected and invalid', async () => {
    expect(await failure(client(test.service.url, 'not-a-token').me())).toMatchObject({ kind: 'signed_out', status: 401 });
    const refused = await failure(client(test.service.url, test.token).submit(test.groupNumber, 'terminations', { memberId: '123' }, 'key-12345678'));
    expect(refused).toMatchObject({ kind: 'rejected', status: 400, contractError: { code: 'VALIDATION' } });
    expect(await failure(client(oddUrl, test.token).me())).toMatchObject({ kind: 'retry', status: 503 });
    expect(await failure(client(oddUrl, test.token).group(test.groupNumber))).toMatchObject({ kind: 'invalid' });
    odd.close();
    expect(await failure(client(oddUrl, test.token).me())).toMatchObject({ kind: 'retry', status: null });
  });

  it('refuses a redirect instead of resending the sign-in to the address it names', async () => {
    // The redirect points at a second server that records whatever reaches it.
    const reached: string[] = [];
    const elsewhere = createServer((req, res) => {
      reached.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const redirecting = createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}${req.url ?? '/'}` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const refused = await failure(client(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, null).signIn('someone', 'a password'));
      expect(refused).toMatchObject({ kind: 'retry', status: null });
      expect(refused.message).toMatch(/redirect/);
      expect(planFailure(refused, 'http://plan.example').code).toBe('OFFLINE');
      expect(reached).toEqual([]);
    } finally {
      redirecting.close();
      elsewhere.close();
    }
  });
});
