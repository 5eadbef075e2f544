import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../electron/core/core-types';
import { backends } from '../../server/test-support/backends';
import { startFaultProxy, type FaultProxy, type ProxiedExchange } from './support/fault-proxy/fault-proxy';
import { recordTimeline, statusLies } from './support/fault-proxy/status-truth';
import { localCursor, localRoster, rosterDifferences, serviceRoster } from './support/roster-compare';
import { openSyncCore } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { enrollment, markerName } from './support/transaction-inputs';

/** Resolves once `check` holds, checked now and after each of the core's events. */
async function until(core: CoreHandle, check: () => Promise<boolean>): Promise<void> {
  let wake = () => {};
  const stop = core.onEvent(() => wake());
  try {
    while (!(await check())) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    stop();
  }
}

/** Resolves with the next exchange that passes `accept`. */
function nextExchange(proxy: FaultProxy, accept: (exchange: ProxiedExchange) => boolean): Promise<ProxiedExchange> {
  return new Promise((resolve) => {
    const stop = proxy.onExchange((exchange) => {
      if (!accept(exchange)) return;
      stop();
      resolve(exchange);
    });
  });
}

describe.each(backends())('the live updates stream cut mid-stream (%s)', (backend) => {
  let service: SyncTestService;
  let proxy: FaultProxy;
  let dataDir: string;
  let clerkToken: string;

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 10, backend });
    proxy = await startFaultProxy(service.url);
    clerkToken = await service.addUser('plan.clerk', 'admin');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-stream-drop-'));
  });
  afterAll(async () => {
    await proxy?.close();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A plan-side administrator enrolls someone, as another office would. */
  async function enrolledElsewhere(tag: number): Promise<void> {
    const answer = await service.api('POST', `/v1/groups/${service.groupNumber}/enrollments`, {
      token: clerkToken,
      headers: { 'idempotency-key': `stream-drop-${tag}-${backend}` },
      body: enrollment(tag, service.today).request,
    });
    expect(answer.status).toBe(201);
  }

  it('reconnects, catches up with what changed while it was down, and hears the next change live', async () => {
    const groupNumber = service.groupNumber;
    const caughtUp = async () => localCursor(dataDir, groupNumber) === (await service.head());
    const isGroupStream = (e: ProxiedExchange) => e.stream && e.route === `/v1/groups/${groupNumber}/changes/stream`;
    const core = openSyncCore({ dataDir, key: randomBytes(32), url: proxy.url, token: service.token, today: service.today, now: service.now });
    const timeline = recordTimeline(proxy, core);
    try {
      await syncToQuiet(core, caughtUp, service.now);
      expect(proxy.exchanges.filter(isGroupStream)).toHaveLength(1);

      const reopened = nextExchange(proxy, isGroupStream);
      expect(proxy.dropStreams()).toBeGreaterThanOrEqual(1);
      await enrolledElsewhere(800);
      // No sync.now: the core notices the dropped stream by itself and reopens it.
      await reopened;
      await until(core, caughtUp);
      expect(localRoster(dataDir, groupNumber).rows.filter((m) => m.lastName === markerName(800))).toHaveLength(1);

      // The reopened stream announces the next change; nothing else asks for a pull.
      const pulled = nextExchange(proxy, (e) => !e.stream && e.route === `/v1/groups/${groupNumber}/changes`);
      await enrolledElsewhere(801);
      await pulled;
      await until(core, caughtUp);
      expect(localRoster(dataDir, groupNumber).rows.filter((m) => m.lastName === markerName(801))).toHaveLength(1);
    } finally {
      timeline.stop();
      await core.close();
    }
    // The plan stayed reachable throughout: the status bar never said otherwise.
    expect(timeline.entries.filter((e) => e.kind === 'status' && (e.status.state === 'offline' || e.status.state === 'error'))).toEqual([]);
    expect(statusLies(timeline.entries)).toEqual([]);
    const local = localRoster(dataDir, groupNumber);
    expect(rosterDifferences(local.rows, await serviceRoster(service.api, service.token, groupNumber))).toEqual([]);
  });
});
