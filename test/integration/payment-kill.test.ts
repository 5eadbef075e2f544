import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingOverview } from '@shared/contract/methods/billing';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { earliestPaymentDate } from '@shared/domain/payment-dates';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import { createRandom, type Random } from '@shared/util/random';
import { storeFileName } from '../../electron/core/store/open-store';
import { paymentAuthorizations } from '../../server/src/services/payments/payment-authorization';
import { idempotencyKeys, payments } from '../../server/src/store/schema';
import { billPaySetup } from './support/bill-pay-setup';
import { bundleChild, runChild, type KillPoint } from './support/child-core';
import type { PaymentChildPlan } from './support/payment-child';
import { localCursor } from './support/roster-compare';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';

const KILLS = 100;
/** Every launch's phase, payments and kill line come from this, so a failure replays the same plan. */
const SEED = 20_261_207;

/** PostgreSQL where CI provides one, else PGlite. */
const killBackend = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

type Phase = 'submit' | 'push';

/**
 * Where to kill a run, from the child's own progress lines (plus a few milliseconds):
 * - submit: while it queues payments (each one outbox row with its key, in one write);
 * - push: after the n-th line once the sync began, while payments are sent, answered and pulled back.
 */
function killPoint(phase: Phase, queued: number, random: Random): KillPoint {
  if (phase === 'submit') return { from: 'ready', counts: (line) => line.startsWith('submitted'), count: random.int(0, Math.max(0, queued - 1)), delayMs: random.pick([0, 0, 1]) };
  return { from: 'sync', counts: () => true, count: random.int(0, 3 * queued + 2), delayMs: random.pick([0, 0, 1, 2, 4]) };
}

interface OutboxPayment {
  id: number;
  idempotencyKey: string;
  status: string;
  confirmationNumber: string | null;
}

/** The desktop's payment rows of its outbox, read from the SQLite file of a closed core. */
function localPayments(dataDir: string): OutboxPayment[] {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`SELECT id, idempotency_key AS idempotencyKey, status, confirmation_number AS confirmationNumber FROM outbox WHERE kind = 'payment' ORDER BY id`)
      .all() as OutboxPayment[];
  } finally {
    db.close();
  }
}

describe('two desktops paying one invoice, killed at random points of submit and push', () => {
  let service: SyncTestService;
  let work: string;
  let script: string;
  let invoiceNumber: string;
  let bankAccountId: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-payment-kill-'));
    [script, service] = await Promise.all([bundleChild(work, 'payment-child.ts'), startSyncTestService({ subscribers: 12, backend: killBackend })]);
    ({ invoiceNumber, bankAccountId } = await billPaySetup(service, 'ops:payment-kill'));
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  interface Desktop {
    userId: string;
    token: string;
    dataDir: string;
    keyHex: string;
    random: Random;
    /** Outbox IDs its children printed as submitted. */
    reported: Set<number>;
    kills: Record<Phase, number>;
    runs: number;
  }

  const keyOf = (d: Desktop) => Buffer.from(d.keyHex, 'hex');
  const caughtUp = (d: Desktop) => async () => localCursor(d.dataDir, service.groupNumber) === (await service.head());

  /** A desktop signed in as a primary administrator of the group, with the invoice and the account read once. */
  async function desktop(index: number): Promise<Desktop> {
    const userId = index === 0 ? service.userId : `pay.admin${index}`;
    const token = index === 0 ? service.token : await service.addUser(userId, 'primary_admin');
    const dataDir = path.join(work, `desktop-${index}`);
    mkdirSync(dataDir);
    const d: Desktop = { userId, token, dataDir, keyHex: `b${index}`.repeat(32), random: createRandom(SEED + index), reported: new Set(), kills: { submit: 0, push: 0 }, runs: 0 };
    const core = openSyncCore({ dataDir, key: keyOf(d), url: service.url, token, today: service.today, now: service.now });
    try {
      await syncToQuiet(core, caughtUp(d), service.now);
      await value(core.call('payments.bankAccounts', { groupNumber: service.groupNumber }));
    } finally {
      await core.close();
    }
    return d;
  }

  const killed = (d: Desktop) => d.kills.submit + d.kills.push;

  async function killRuns(d: Desktop, all: readonly Desktop[]): Promise<void> {
    const base: Omit<PaymentChildPlan, 'amountsCents'> = {
      dataDir: d.dataDir,
      keyHex: d.keyHex,
      url: service.url,
      token: d.token,
      groupNumber: service.groupNumber,
      today: service.today,
      clockOffsetMs: Date.parse(service.now()) - Date.now(),
      invoiceNumber,
      bankAccountId,
      paymentDate: earliestPaymentDate(new Date(service.now())),
      authorizationVersion: paymentAuthorizations.payment.version,
    };
    while (all.reduce((n, x) => n + killed(x), 0) < KILLS && d.runs < 3 * KILLS) {
      d.runs++;
      const phase = d.random.weighted<Phase>([
        ['submit', 1],
        ['push', 2],
      ]);
      const amountsCents = Array.from({ length: d.random.int(1, 2) }, () => d.random.int(100, 999));
      const run = await runChild(script, { ...base, amountsCents }, killPoint(phase, amountsCents.length, d.random), 30_000);
      for (const line of run.lines) {
        const submitted = /^submitted (\d+)/.exec(line);
        if (submitted) d.reported.add(Number(submitted[1]));
        expect(line, `${d.userId} run ${d.runs}`).not.toMatch(/^refused/);
      }
      if (run.killed) d.kills[phase]++;
      else expect(run.exitCode, `run ${d.runs} of ${d.userId} ended by itself but failed:\n${run.stderr}`).toBe(0);
    }
  }

  /** A launch left alone: it syncs to quiet (sending what the killed ones left) and answers what the screens show. */
  async function settle(d: Desktop): Promise<{ overview: BillingOverview; items: PaymentItem[] }> {
    const core = openSyncCore({ dataDir: d.dataDir, key: keyOf(d), url: service.url, token: d.token, today: service.today, now: service.now });
    try {
      await syncToQuiet(core, caughtUp(d), service.now);
      const overview = await value<BillingOverview>(core.call('billing.overview', { groupNumber: service.groupNumber }));
      const items = await value<PaymentItem[]>(core.call('payments.list', { groupNumber: service.groupNumber }));
      return { overview, items };
    } finally {
      await core.close();
    }
  }

  it('makes exactly one payment per submit, and the plan and both desktops agree on the balance', async () => {
    const started = performance.now();
    const desktops = [await desktop(0), await desktop(1)];
    await Promise.all(desktops.map((d) => killRuns(d, desktops)));
    const kills = desktops.reduce((sum, d) => ({ submit: sum.submit + d.kills.submit, push: sum.push + d.kills.push }), { submit: 0, push: 0 });
    expect(kills.submit + kills.push).toBeGreaterThanOrEqual(KILLS);
    expect(kills.push).toBeGreaterThan(KILLS / 3);

    // Each one settles; then again, so each has pulled the payments the other sent while settling.
    for (const d of desktops) await settle(d);
    const seen = [];
    for (const d of desktops) seen.push(await settle(d));

    const { db } = service.service;
    const made = await db.select({ confirmationNumber: payments.confirmationNumber, amountCents: payments.amountCents }).from(payments).where(eq(payments.groupNumber, service.groupNumber));
    const accepted: OutboxPayment[] = [];
    for (const d of desktops) {
      const rows = localPayments(d.dataDir);
      // Every payment the user saw queued is there, and every row the plan answered: none waits, none was refused.
      for (const id of d.reported) expect(rows.map((r) => r.id), `${d.userId}'s payment ${id}`).toContain(id);
      expect(rows.filter((r) => r.status !== 'accepted'), `${d.userId}'s unanswered payments`).toEqual([]);
      // The plan answered each key once, with the payment that row names.
      const keys = await db
        .select({ key: idempotencyKeys.key, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, d.userId));
      expect(keys.map((k) => k.key).sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
      const byKey = new Map(keys.map((k) => [k.key, (k.body as { confirmationNumber?: string } | null)?.confirmationNumber]));
      for (const row of rows) expect(byKey.get(row.idempotencyKey), `${d.userId}'s row ${row.id}`).toBe(row.confirmationNumber);
      accepted.push(...rows);
    }
    // One plan payment per outbox row, and no other.
    expect(made.map((m) => m.confirmationNumber).sort()).toEqual(accepted.map((r) => r.confirmationNumber).sort());
    expect(new Set(made.map((m) => m.confirmationNumber)).size).toBe(made.length);

    // The plan's balance is what both desktops show, and both list every payment.
    const summary = await service.api<BillingSummary>('GET', `/v1/groups/${service.groupNumber}/billing-summary`, { token: service.token });
    expect(summary.status).toBe(200);
    for (const [i, { overview, items }] of seen.entries()) {
      expect(overview.openBalanceCents, `desktop ${i}'s open balance`).toBe(summary.body.balanceCents);
      expect(items.map((item) => item.payment?.confirmationNumber).sort(), `desktop ${i}'s payments`).toEqual(made.map((m) => m.confirmationNumber).sort());
    }
    console.info(
      `payment-kill: ${desktops.map((d) => d.runs).join('+')} launches, kills ${JSON.stringify(kills)}, ${made.length} payments (${made.reduce((n, m) => n + m.amountCents, 0)} cents), balance ${summary.body.balanceCents}, ${Math.round(performance.now() - started)} ms`,
    );
  }, 150_000);
});
