import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startPlanService } from './start';

describe('startPlanService close', () => {
  it('returns although a client holds a connection open without ever sending a request', async () => {
    const service = await startPlanService();
    const { port } = new URL(service.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closedByServer = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await service.close();
    await closedByServer;
    expect(socket.destroyed).toBe(true);
  });
});
