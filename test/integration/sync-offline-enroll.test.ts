import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../server/test-support/backends';
import type { SubmitResult } from '@shared/contract/methods/transactions';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import { localCursor, localRoster, rosterDifferences, serviceRoster } from './support/roster-compare';
import { serviceLedger } from './support/service-ledger';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet, waitForStatus } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { enrollment, localOutbox, markerName } from './support/transaction-inputs';


describe.each(backends())('an enrollment made while the plan service is down (%s)', (backend) => {
  let service: SyncTestService;
  let dataDir: string;

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 30, backend });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-offline-'));
  });
  afterAll(async () => {
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is accepted exactly once after the desktop and the service both restart', async () => {
    const key = randomBytes(32);
    const open = () => openSyncCore({ dataDir, key, url: service.url, token: service.token, today: service.today, now: service.now });
    const groupNumber = service.groupNumber;
    const caughtUp = async () => localCursor(dataDir, groupNumber) === (await service.head());

    let core = open();
    await syncToQuiet(core, caughtUp, service.now);
    const before = await serviceRoster(service.api, service.token, groupNumber);

    await service.stop();
    let activityAnnounced = 0;
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'activity.changed' && event.groupNumber === groupNumber) activityAnnounced++;
    });
    const submitted = await value<SubmitResult>(core.call('transactions.submit', { groupNumber, transaction: enrollment(1, service.today) }));
    expect(submitted.status).toBe('queued');
    expect(submitted.memberIds).toEqual([`NEW-${submitted.id}`]);
    await core.call('sync.now', {});
    const offline = await waitForStatus(core, (s) => s.state === 'offline');
    const waiting = await value<ActivityItem>(core.call('transactions.get', { groupNumber, id: submitted.id }));
    unsubscribe();
    expect(offline).toMatchObject({ online: false, pending: 1 });
    // The submit, then each try that got no answer: sent, and queued again (a try the sync stopped
    // midway stays sent). Each is announced, so a screen that read "Sent" mid-try hears that the
    // change is waiting again. Whether the engine tried before it saw the service gone is a race.
    expect(activityAnnounced).toBeGreaterThanOrEqual(1 + 2 * waiting.attempts + (waiting.status === 'sent' ? 1 : 0));
    await core.close();

    // The desktop comes back first, still offline, with the enrollment queued.
    core = open();
    const queued = await value<ActivityItem>(core.call('transactions.get', { groupNumber, id: submitted.id }));
    expect(['queued', 'sent']).toContain(queued.status);
    await service.start();
    await syncToQuiet(core, caughtUp, service.now);

    const accepted = await value<ActivityItem>(core.call('transactions.get', { groupNumber, id: submitted.id }));
    expect(accepted.status).toBe('accepted');
    expect(accepted.confirmationNumber).toMatch(/^TX-\d{8}-\d{7,}$/);
    expect(accepted.memberIds).toHaveLength(1);
    expect(accepted.memberIds[0]).toMatch(/^\d{9}$/);
    await core.close();

    const after = await serviceRoster(service.api, service.token, groupNumber);
    const added = after.filter((m) => !before.some((b) => b.memberId === m.memberId));
    expect(added.map((m) => [m.memberId, m.lastName])).toEqual([[accepted.memberIds[0], markerName(1)]]);

    const outbox = localOutbox(dataDir);
    expect(outbox).toHaveLength(1);
    const ledger = await serviceLedger(service.service, service.userId);
    expect(ledger.keys).toEqual([{ key: outbox[0]?.idempotencyKey, status: 201 }]);
    expect(ledger.transactions.map((t) => [t.confirmationNumber, t.kind])).toEqual([[accepted.confirmationNumber, 'enroll']]);

    const local = localRoster(dataDir, groupNumber);
    expect(local.pending).toEqual([]);
    expect(rosterDifferences(local.rows, after)).toEqual([]);
  });
});
