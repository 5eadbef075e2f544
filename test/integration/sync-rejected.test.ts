import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../server/test-support/backends';
import type { CoreEvent } from '@shared/contract/events';
import type { SubmitResult } from '@shared/contract/methods/transactions';
import type { NotificationItem } from '@shared/contract/methods/notifications';
import type { ActivityItem, Draft } from '@shared/contract/schemas/transaction';
import { localCursor, localRoster, rosterDifferences, serviceRoster } from './support/roster-compare';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { enrollment, markerName, markerSsn } from './support/transaction-inputs';


describe.each(backends())('a transaction the plan service rejects (%s)', (backend) => {
  let service: SyncTestService;
  let dataDir: string;

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 20, backend });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-rejected-'));
  });
  afterAll(async () => {
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the plan’s reason, undoes the pending change and keeps what the user typed', async () => {
    const groupNumber = service.groupNumber;
    const caughtUp = async () => localCursor(dataDir, groupNumber) === (await service.head());
    const core = openSyncCore({ dataDir, key: randomBytes(32), url: service.url, token: service.token, today: service.today, now: service.now });
    try {
      await syncToQuiet(core, caughtUp, service.now);

      // Another office already enrolled this employee with the same SSN; this desktop has not synced since.
      const taken = markerSsn(700);
      const elsewhere = await service.api('POST', `/v1/groups/${groupNumber}/enrollments`, {
        token: service.token,
        headers: { 'idempotency-key': 'another-office-0001' },
        body: enrollment(700, service.today).request,
      });
      expect(elsewhere.status).toBe(201);

      // The wizard's draft holds the form as typed, the full SSN in its encrypted secrets.
      const { transaction, formData } = (() => {
        const input = enrollment(701, service.today, { ssn: taken, dependents: 1 });
        const { ssn: _typed, ...subscriber } = input.request.subscriber;
        return { transaction: input, formData: { ...input.request, subscriber } };
      })();
      const saved = await value<{ id: number }>(
        core.call('drafts.save', { groupNumber, wizard: 'enroll', step: 'review', data: formData, secrets: { 'subscriber.ssn': taken } }),
      );
      const submitted = await value<SubmitResult>(core.call('transactions.submit', { groupNumber, transaction, draftId: saved.id }));
      expect(submitted.memberIds).toEqual([`NEW-${submitted.id}`, `NEW-${submitted.id}-01`]);

      const events: CoreEvent[] = [];
      core.onEvent((event) => events.push(event));
      const status = await syncToQuiet(core, caughtUp, service.now);
      expect(status.rejected).toBe(1);

      const rejected = await value<ActivityItem & { request: Record<string, unknown> }>(core.call('transactions.get', { groupNumber, id: submitted.id }));
      expect(rejected.status).toBe('rejected');
      expect(rejected.confirmationNumber).toBeNull();
      expect(rejected.error).toMatchObject({ code: 'RULE', fields: { 'subscriber.ssn': 'Matches another member' } });
      expect(rejected.error?.message).toMatch(/SSN/);
      expect(rejected.draftId).toBe(saved.id);
      // What was sent, for the Activity screen: the names as typed, the SSN masked.
      expect(rejected.request).toMatchObject({ subscriber: { firstName: 'Casey', lastName: markerName(701) } });
      expect(JSON.stringify(rejected.request)).not.toContain(taken);

      const draft = await value<Draft>(core.call('drafts.get', { groupNumber, id: saved.id }));
      expect(draft.data).toEqual(formData);
      expect(draft.secrets).toEqual({ 'subscriber.ssn': taken });

      const notifications = await value<{ items: NotificationItem[] }>(core.call('notifications.list', {}));
      const notice = notifications.items.find((n) => n.transactionId === submitted.id);
      expect(notice).toMatchObject({ kind: 'transaction.rejected', read: false });
      // What the OS notification shows names nobody (no PII in the system's notification history).
      const shown = events.find((e) => e.type === 'notification.created' && e.id === notice?.id);
      expect(shown).toMatchObject({ kind: 'transaction.rejected' });
      expect(JSON.stringify(shown)).not.toContain(markerName(701));
    } finally {
      await core.close();
    }

    // The provisional family is gone; the local roster is the plan's again, with the other office's enrollment.
    const local = localRoster(dataDir, groupNumber);
    expect(local.pending).toEqual([]);
    expect(local.rows.filter((m) => m.lastName === markerName(701))).toEqual([]);
    expect(local.rows.filter((m) => m.lastName === markerName(700))).toHaveLength(1);
    expect(rosterDifferences(local.rows, await serviceRoster(service.api, service.token, groupNumber))).toEqual([]);
  });
});
