import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanClient, PlanError } from './plan-client';

const client = (url: string) => new PlanClient({ url, token: 't', signal: new AbortController().signal, timeoutMs: 5000 });

async function failure(call: Promise<unknown>): Promise<PlanError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('The call succeeded');
}

/** Whether a failed request may have reached the service: what decides if a payment may still be re-dated. */
describe('a failed request that never left, and one that may have arrived', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // Reads the whole request, then drops the connection without answering: the request arrived.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.close());

  it('is neverSent only when no connection could be opened', async () => {
    const lost = await failure(client(url).submitPayment('4321', { amountCents: 1 }, 'key-12345678'));
    expect(lost).toMatchObject({ kind: 'retry', neverSent: false });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await failure(client(closedUrl).submitPayment('4321', { amountCents: 1 }, 'key-12345678'))).toMatchObject({ kind: 'retry', neverSent: true });
  });
});
