import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitResult } from '@shared/contract/methods/transactions';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { SyncStatus } from '@shared/contract/methods/sync';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import { earliestPaymentDate } from '@shared/domain/payment-dates';
import { backends } from '../../server/test-support/backends';
import { paymentAuthorizations } from '../../server/src/services/payments/payment-authorization';
import { payments } from '../../server/src/store/schema';
import { billPaySetup } from './support/bill-pay-setup';
import { startFaultProxy, type ExchangeFault, type FaultProxy } from './support/fault-proxy/fault-proxy';
import { faultOnce } from './support/fault-proxy/fault-seeds';
import { recordTimeline, statusLies } from './support/fault-proxy/status-truth';
import { localCursor, localRoster, rosterDifferences, serviceRoster } from './support/roster-compare';
import { serviceLedger } from './support/service-ledger';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet, waitForStatus } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { enrollment, localOutbox, markerName } from './support/transaction-inputs';

/** Short enough that a delayed answer costs little, long enough for a loaded CI machine's real answers. */
const planTimeoutMs = 2000;

/** The push ended: refused by the network (offline), or answered (idle with nothing pending). */
const answered = (s: SyncStatus): boolean => s.state === 'offline' || (s.state === 'idle' && s.pending === 0);

/** Each fault of one exchange, and what the status bar must say while it lasts. */
const faults: [ExchangeFault, 'offline' | 'idle'][] = [
  ['cut', 'offline'],
  ['delay', 'offline'],
  ['twice', 'idle'],
  ['bad-gateway', 'offline'],
  ['unavailable', 'offline'],
];

describe.each(backends())('one network fault between the desktop and the plan service (%s)', (backend) => {
  let service: SyncTestService;
  let proxy: FaultProxy;
  let bill: { invoiceNumber: string; bankAccountId: string };
  const dataDirs: string[] = [];

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 10, backend });
    bill = await billPaySetup(service, 'ops:sync-faults');
  });
  afterEach(async () => {
    await proxy?.close();
  });
  afterAll(async () => {
    await service?.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh desktop that reaches the plan through a new proxy, synced once with no fault. */
  async function desktop() {
    proxy = await startFaultProxy(service.url);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-faults-'));
    dataDirs.push(dataDir);
    const core = openSyncCore({ dataDir, key: randomBytes(32), url: proxy.url, token: service.token, today: service.today, now: service.now, planTimeoutMs });
    const caughtUp = async () => localCursor(dataDir, service.groupNumber) === (await service.head());
    await syncToQuiet(core, caughtUp, service.now);
    return { core, dataDir, caughtUp };
  }

  it.each(faults)('an enrollment whose exchange meets %s is applied once, and the status bar says %s meanwhile', async (fault, meanwhile) => {
    const { core, dataDir, caughtUp } = await desktop();
    const tag = 100 + faults.findIndex(([f]) => f === fault);
    const groupNumber = service.groupNumber;
    const timeline = recordTimeline(proxy, core);
    try {
      proxy.setPolicy(faultOnce(fault, (r) => r.method === 'POST' && r.route.endsWith('/enrollments')));
      // The submit asks for a sync itself: the fault meets its push.
      const submitted = await value<SubmitResult>(core.call('transactions.submit', { groupNumber, transaction: enrollment(tag, service.today) }));
      const during = await waitForStatus(core, answered);
      expect(during.state).toBe(meanwhile);
      if (meanwhile === 'offline') expect(during).toMatchObject({ online: false, pending: 1 });
      proxy.setPolicy(null);
      const end = await syncToQuiet(core, caughtUp, service.now);
      expect(end).toMatchObject({ state: 'idle', online: true, pending: 0, rejected: 0 });
      const accepted = await value<ActivityItem>(core.call('transactions.get', { groupNumber, id: submitted.id }));
      expect(accepted.status).toBe('accepted');
    } finally {
      timeline.stop();
      await core.close();
    }
    expect(proxy.exchanges.filter((e) => e.fault === fault)).toHaveLength(1);
    expect(statusLies(timeline.entries)).toEqual([]);

    const outbox = localOutbox(dataDir);
    expect(outbox.map((r) => [r.marker, r.status])).toEqual([[markerName(tag), 'accepted']]);
    const ledger = await serviceLedger(service.service, service.userId);
    expect(ledger.keys.filter((k) => k.key === outbox[0]?.idempotencyKey)).toEqual([{ key: outbox[0]?.idempotencyKey, status: 201 }]);
    expect(ledger.transactions.filter((t) => t.confirmationNumber === outbox[0]?.confirmationNumber)).toHaveLength(1);
    const onPlan = await serviceRoster(service.api, service.token, groupNumber);
    expect(onPlan.filter((m) => m.lastName === markerName(tag))).toHaveLength(1);
    const local = localRoster(dataDir, groupNumber);
    expect(local.pending).toEqual([]);
    expect(rosterDifferences(local.rows, onPlan)).toEqual([]);
  });

  it.each(faults)('a payment whose exchange meets %s is debited once', async (fault) => {
    const { core, dataDir, caughtUp } = await desktop();
    const groupNumber = service.groupNumber;
    const amountCents = 10_000 + faults.findIndex(([f]) => f === fault);
    const timeline = recordTimeline(proxy, core);
    let outboxId: number;
    try {
      proxy.setPolicy(faultOnce(fault, (r) => r.method === 'POST' && r.route.endsWith('/payments')));
      const submitted = await value<{ outboxId: number }>(
        core.call('payments.submit', {
          groupNumber,
          invoiceNumbers: [bill.invoiceNumber],
          amountCents,
          bankAccountId: bill.bankAccountId,
          paymentDate: earliestPaymentDate(new Date(service.now())),
          authorizationVersion: paymentAuthorizations.payment.version,
          acceptAuthorization: true,
        }),
      );
      outboxId = submitted.outboxId;
      await waitForStatus(core, answered);
      proxy.setPolicy(null);
      const end = await syncToQuiet(core, caughtUp, service.now);
      expect(end).toMatchObject({ state: 'idle', pending: 0, rejected: 0 });
      const listed = await value<PaymentItem[]>(core.call('payments.list', { groupNumber }));
      expect(listed.filter((item) => item.payment?.amountCents === amountCents)).toHaveLength(1);
    } finally {
      timeline.stop();
      await core.close();
    }
    expect(proxy.exchanges.filter((e) => e.fault === fault)).toHaveLength(1);
    expect(statusLies(timeline.entries)).toEqual([]);
    const made = await service.service.db.select({ confirmationNumber: payments.confirmationNumber, amountCents: payments.amountCents }).from(payments).where(eq(payments.groupNumber, groupNumber));
    expect(made.filter((m) => m.amountCents === amountCents)).toHaveLength(1);
    const row = localOutbox(dataDir).find((r) => r.id === outboxId);
    expect(row).toMatchObject({ status: 'accepted', confirmationNumber: made.find((m) => m.amountCents === amountCents)?.confirmationNumber });
  });
});
