import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreHandle } from '../../electron/core/core-types';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { RosterRow as LocalRosterRow } from '@shared/contract/schemas/member';
import type { SyncStatus } from '@shared/contract/methods/sync';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import type { MemberView } from '@shared/plan-api/members';
import { earliestPaymentDate } from '@shared/domain/payment-dates';
import { addDays } from '@shared/util/dates';
import { createRandom, type Random } from '@shared/util/random';
import { paymentAuthorizations } from '../../server/src/services/payments/payment-authorization';
import { payments } from '../../server/src/store/schema';
import { billPaySetup } from './support/bill-pay-setup';
import { startFaultProxy } from './support/fault-proxy/fault-proxy';
import { faultSeeds, seededFaults } from './support/fault-proxy/fault-seeds';
import { describeTimeline, failsExchange, recordTimeline, statusLies } from './support/fault-proxy/status-truth';
import { localCursor, localRoster, rosterDifferences, serviceRoster } from './support/roster-compare';
import { serviceLedger } from './support/service-ledger';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { enrollment, localOutbox, markerName } from './support/transaction-inputs';

/** Runs at CI size; FAULT_RUNS asks for more, FAULT_SEED replays one (docs/testing-faults.md). */
const seeds = faultSeeds(3);
/** Share of requests that meet a fault while faults are on. */
const faultRate = 0.3;
const planTimeoutMs = 2000;
/** PostgreSQL where CI provides one, else PGlite (the focused fault suites run on both). */
const runBackend = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

type Operation = 'enroll' | 'add_dependent' | 'terminate' | 'update_demographics' | 'payment';

/**
 * Asks for a sync and resolves with the first status after it that ends a run: answered (idle) or
 * not (offline, error). Faults may leave work for later runs; the round does not wait for those.
 */
async function syncRound(core: CoreHandle): Promise<SyncStatus> {
  let stop = () => {};
  const ended = new Promise<SyncStatus>((resolve) => {
    stop = core.onEvent((event) => {
      if (event.type === 'sync.status' && (event.state === 'idle' || event.state === 'offline' || event.state === 'error')) resolve(event);
    });
  });
  try {
    const asked = await core.call('sync.now', {});
    if (!asked.ok) throw new Error(`sync.now failed: ${asked.error.code} ${asked.error.message}`);
    return await ended;
  } finally {
    stop();
  }
}

describe('the desktop core syncing through a network that lies, at seeded faults', () => {
  let service: SyncTestService;
  let bill: { invoiceNumber: string; bankAccountId: string };
  /** Subscribers a run already changed: each run changes members no other run touched. */
  const touched = new Set<string>();
  const dataDirs: string[] = [];
  let runIndex = 0;
  let clerkToken: string;

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 40, backend: runBackend });
    bill = await billPaySetup(service, 'ops:sync-fault-runs');
    clerkToken = await service.addUser('plan.clerk', 'admin');
  });
  afterAll(async () => {
    await service?.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** One valid transaction or payment of the kind `random` picks, on members no run touched yet. */
  function pickOperation(random: Random, subscribers: LocalRosterRow[], tag: number, amountCents: number): { operation: Operation; input: TransactionInput | null; memberId: string | null } {
    const free = subscribers.filter((m) => !touched.has(m.memberId));
    const operation = random.pick<Operation>(free.length === 0 ? ['enroll', 'payment'] : ['enroll', 'add_dependent', 'terminate', 'update_demographics', 'payment']);
    if (operation === 'payment') return { operation, input: null, memberId: null };
    if (operation === 'enroll') return { operation, input: enrollment(tag, service.today, { dependents: random.int(0, 2) }), memberId: null };
    const member = random.pick(free);
    touched.add(member.memberId);
    const born = addDays(service.today, -10);
    if (operation === 'add_dependent') {
      const dependent = { relationship: 'child' as const, firstName: 'Sky', lastName: member.lastName, dateOfBirth: born, gender: 'U' as const, disabled: false };
      return { operation, input: { kind: 'add_dependent', request: { subscriberId: member.memberId, dependent, event: { kind: 'birth', date: born } } }, memberId: member.memberId };
    }
    if (operation === 'terminate') return { operation, input: { kind: 'terminate', request: { memberId: member.memberId, reason: 'termination_of_employment', requestedDate: service.today } }, memberId: null };
    const phone = `419-555-${String(1000 + (amountCents % 9000)).padStart(4, '0')}`;
    return { operation, input: { kind: 'update_demographics', request: { memberId: member.memberId, changes: { phone }, effectiveDate: service.today, correction: false } }, memberId: member.memberId };
  }

  /**
   * A plan-side administrator changes the member's e-mail, straight at the plan (no proxy), as
   * another office would: if the desktop's own change of that member has not reached the plan yet,
   * the plan refuses it for its stale version, a refusal the desktop must show with its reason.
   */
  async function clerkChange(memberId: string, random: Random): Promise<void> {
    const email = `clerk.${random.int(1, 99_999)}@example.com`;
    // The desktop's retries land at any moment: a version read just before one of them is stale, and read again.
    for (let tries = 0; tries < 5; tries++) {
      const member = await service.api<MemberView>('GET', `/v1/groups/${service.groupNumber}/members/${memberId}`, { token: clerkToken });
      expect(member.status).toBe(200);
      const changed = await service.api('POST', `/v1/groups/${service.groupNumber}/demographics`, {
        token: clerkToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { memberId, changes: { email }, effectiveDate: service.today, correction: false, expectedVersion: member.body.version },
      });
      if (changed.status === 201) return;
      expect(changed.status, JSON.stringify(changed.body)).toBe(409);
    }
    throw new Error(`The plan-side change of ${memberId} met a newer version five times`);
  }

  it.each(seeds)('seed %i: nothing lost, nothing twice, the status bar truthful', async (seed) => {
    console.info(`sync-fault-runs: FAULT_SEED=${seed}`);
    const started = performance.now();
    const run = runIndex++;
    const random = createRandom(seed);
    const groupNumber = service.groupNumber;
    const proxy = await startFaultProxy(service.url);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-fault-runs-'));
    dataDirs.push(dataDir);
    const caughtUp = async () => localCursor(dataDir, groupNumber) === (await service.head());
    // Faults drawn from their own PRNG, so the operations stay the same whatever the timing.
    const faultPolicy = seededFaults(createRandom(seed + 1), faultRate);
    proxy.setPolicy(faultPolicy);
    const core = openSyncCore({ dataDir, key: randomBytes(32), url: proxy.url, token: service.token, today: service.today, now: service.now, planTimeoutMs });
    const timeline = recordTimeline(proxy, core);
    const submitted: { operation: Operation; outboxId: number; tag: number | null; amountCents: number | null }[] = [];
    let end: SyncStatus;
    let clerkChanges = 0;
    let listed: PaymentItem[];
    try {
      // The first sync meets faults too; then the network heals long enough to see the roster.
      for (let i = random.int(1, 2); i > 0; i--) await syncRound(core);
      proxy.setPolicy(null);
      await syncToQuiet(core, caughtUp, service.now);
      const page = await value<{ rows: LocalRosterRow[] }>(core.call('members.list', { groupNumber, limit: 500, offset: 0, grouping: 'none', sort: { by: 'memberId', dir: 'asc' } }));
      const subscribers = page.rows.filter((m) => m.relationship === 'subscriber' && m.status === 'active' && !m.pendingSync);

      proxy.setPolicy(faultPolicy);
      const operations = random.int(4, 6);
      for (let i = 0; i < operations; i++) {
        const tag = 2000 + run * 10 + i;
        const amountCents = 101 + run * 10 + i;
        const { operation, input, memberId } = pickOperation(random, subscribers, tag, amountCents);
        if (input === null) {
          const paid = await value<{ outboxId: number }>(
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
          submitted.push({ operation, outboxId: paid.outboxId, tag: null, amountCents });
        } else {
          const queued = await value<{ id: number }>(core.call('transactions.submit', { groupNumber, transaction: input }));
          submitted.push({ operation, outboxId: queued.id, tag: input.kind === 'enroll' ? tag : null, amountCents: null });
        }
        await syncRound(core);
        if (memberId !== null && random.chance(0.3)) {
          await clerkChange(memberId, random);
          clerkChanges++;
        }
      }
      for (let i = random.int(1, 3); i > 0; i--) await syncRound(core);

      // The network heals: the core must settle everything with one clean sync.
      proxy.setPolicy(null);
      end = await syncToQuiet(core, caughtUp, service.now);
      listed = await value<PaymentItem[]>(core.call('payments.list', { groupNumber }));
    } finally {
      timeline.stop();
      await core.close();
      await proxy.close();
    }
    const faults = proxy.exchanges.filter((e) => e.fault !== null);
    const summary = `seed ${seed}: ${submitted.map((s) => s.operation).join(', ')}; ${clerkChanges} plan-side changes; ${proxy.exchanges.length} exchanges, faults ${JSON.stringify(countBy(faults.map((f) => f.fault ?? '')))}`;

    // The status bar: truthful during the faults, up to date at the end.
    expect(statusLies(timeline.entries).join('\n'), `${summary}\n${describeTimeline(timeline.entries)}`).toBe('');
    if (faults.some(failsExchange)) expect(timeline.entries.some((e) => e.kind === 'status' && e.status.state === 'offline'), summary).toBe(true);
    // Every submit answered once: accepted (its key and confirmation once at the plan), or refused
    // with the plan's reason (and nothing of it at the plan); the bar counts the refusals.
    const outbox = localOutbox(dataDir);
    const refused = outbox.filter((r) => r.status === 'rejected');
    expect(end, summary).toMatchObject({ state: 'idle', online: true, pending: 0, rejected: refused.length, progress: null });
    expect(outbox.map((r) => r.id).sort((a, b) => a - b), summary).toEqual(submitted.map((s) => s.outboxId).sort((a, b) => a - b));
    expect(outbox.filter((r) => r.status !== 'accepted' && r.status !== 'rejected').map((r) => `${r.kind} ${r.status}`), summary).toEqual([]);
    for (const row of refused) expect(JSON.parse(row.error ?? 'null'), `${summary}: refused ${row.kind} ${row.id}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const ledger = await serviceLedger(service.service, service.userId);
    for (const row of outbox) {
      const applied = row.status === 'accepted' ? 1 : 0;
      expect(ledger.keys.filter((k) => k.key === row.idempotencyKey && k.status < 300), `${summary}: key of ${row.kind} ${row.id}`).toHaveLength(applied);
      if (row.kind !== 'payment' && applied === 1) expect(ledger.transactions.filter((t) => t.confirmationNumber === row.confirmationNumber), `${summary}: ${row.kind} ${row.id}`).toHaveLength(1);
    }
    const onPlan = await serviceRoster(service.api, service.token, groupNumber);
    for (const { tag } of submitted) if (tag !== null) expect(onPlan.filter((m) => m.lastName === markerName(tag) && m.relationship === 'subscriber'), `${summary}: enrollment ${tag}`).toHaveLength(1);

    // One debit per payment submitted, whatever happened to its exchanges.
    const made = await service.service.db.select({ confirmationNumber: payments.confirmationNumber, amountCents: payments.amountCents }).from(payments).where(eq(payments.groupNumber, groupNumber));
    for (const { outboxId, amountCents } of submitted) {
      if (amountCents === null) continue;
      const debits = made.filter((m) => m.amountCents === amountCents);
      expect(debits, `${summary}: payment of ${amountCents} cents`).toHaveLength(1);
      expect(outbox.find((r) => r.id === outboxId)?.confirmationNumber, summary).toBe(debits[0]?.confirmationNumber);
      // The Bill Pay screen lists it once too.
      expect(listed.filter((item) => item.payment?.confirmationNumber === debits[0]?.confirmationNumber), summary).toHaveLength(1);
    }

    // The replica is the plan's roster, with nothing left pending.
    const local = localRoster(dataDir, groupNumber);
    expect(local.pending, summary).toEqual([]);
    expect(rosterDifferences(local.rows, onPlan), summary).toEqual([]);
    console.info(`sync-fault-runs: ${summary}; ${Math.round(performance.now() - started)} ms`);
    // Each delay costs the client's whole timeout; a run drawing several on a loaded machine takes a while.
  }, 90_000);
});

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
