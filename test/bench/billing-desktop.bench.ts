import { randomBytes } from 'node:crypto';
import { invoiceLineSortColumns } from '@shared/contract/methods/billing';
import { createCore } from '../../electron/core/core';
import { openStore } from '../../electron/core/store/open-store';
import { saveGroup } from '../../electron/core/store/repositories/groups-repository';
import { upsertInvoice, upsertInvoiceLine } from '../../electron/core/store/repositories/invoices-repository';
import { markReplicated } from '../../electron/core/store/repositories/sync-cursors';
import { grantLocalUser } from '../../electron/core/test-support/local-replica';
import { benchGroup, benchTempDir, benchToday } from './roster-fixture';
import type { BenchOptions, Benchmark } from './run';
import { summarize, time } from './timing';

const invoiceNumber = 'INV-BENCH-2026-12';
const tiers = ['EMP', 'ESP', 'ECH', 'FAM'] as const;
const firstNames = ['Ada', 'Bo', 'Cruz', 'Dana', 'Eli', 'Fern', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lia'];
const lastNames = ['Abbott', 'Brandt', 'Chen', 'Diaz', 'Ekwueme', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Khan', 'Lopez', 'Murphy', 'Nguyen'];

/**
 * A store holding one invoice of `lines` member lines, written the way a feed page is applied: one
 * prepared statement per line inside one transaction. Returns the folder and how long the lines took.
 */
function invoiceStore(lines: number): { dataDir: string; key: Buffer; apply_ms: number } {
  const dataDir = benchTempDir('groupdesk-billing-bench-');
  const opened = openStore({ dataDir });
  if (opened.db === null) throw new Error(`Bench store not ready: ${JSON.stringify(opened.state)}`);
  const db = opened.db;
  const now = new Date().toISOString();
  const plans = benchGroup.plans.map((p) => p.code);
  db.transaction(() => {
    saveGroup(db, benchGroup, '2016-01-01', now);
    markReplicated(db, benchGroup.groupNumber, now);
    grantLocalUser(db, [benchGroup.groupNumber], now);
  })();
  const start = performance.now();
  db.transaction(() => {
    upsertInvoice(
      db,
      benchGroup.groupNumber,
      { invoiceNumber, periodStart: '2026-12-01', issuedOn: '2026-11-15', dueDate: '2026-12-01', amountCents: 0, status: 'open', previousBalanceCents: 0, paymentsCents: 0, premiumsCents: 0, adjustmentsCents: 0, totalDueCents: 0 },
      now,
    );
    for (let i = 0; i < lines; i++) {
      const memberId = String(100_000_000 + i * 7);
      const memberName = `${firstNames[i % firstNames.length] ?? ''} ${lastNames[Math.floor(i / 7) % lastNames.length] ?? ''}${Math.floor(i / 97)}`;
      upsertInvoiceLine(db, benchGroup.groupNumber, { invoiceNumber, memberId, memberName, planCode: plans[i % plans.length] ?? '', tier: tiers[i % 4] ?? 'EMP', amountCents: 40_000 + ((i * 7919) % 120_000) });
    }
  })();
  const apply_ms = performance.now() - start;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dataDir, key: randomBytes(32), apply_ms };
}

/** The first page (100 lines) of billing.invoiceLines for every sort and direction, as the invoice screen opens it. */
async function firstPages(options: BenchOptions): Promise<Record<string, unknown>> {
  const lines = options.smoke ? 2_000 : 250_000;
  const runs = options.smoke ? 3 : 200;
  const store = invoiceStore(lines);
  const core = createCore({ dataDir: store.dataDir, encryptionKey: store.key, sandbox: false, today: benchToday, validateOutput: false });
  const call = async (input: Record<string, unknown>) => {
    const answer = await core.call('billing.invoiceLines', { groupNumber: benchGroup.groupNumber, invoiceNumber, limit: 100, offset: 0, ...input });
    if (!answer.ok || (answer.value as { total: number }).total !== lines) throw new Error(`Bench call failed: ${JSON.stringify(answer).slice(0, 300)}`);
  };
  try {
    // The first call also counts and sums the lines (the next pages and sorts of the same search reuse them).
    const first = await time(() => call({}));
    const all: number[] = [];
    const bySort: Record<string, { median_ms: number; p95_ms: number }> = {};
    for (const by of invoiceLineSortColumns) {
      for (const dir of ['asc', 'desc'] as const) {
        const durations: number[] = [];
        for (let i = 0; i < runs; i++) durations.push(await time(() => call({ sort: { by, dir } })));
        const { median_ms, p95_ms } = summarize(durations);
        bySort[`${by}_${dir}`] = { median_ms, p95_ms };
        all.push(...durations);
      }
    }
    return { ...summarize(all), lines, first_ms: Math.round(first * 1000) / 1000, apply_ms: Math.round(store.apply_ms), lines_per_s: Math.round(lines / (store.apply_ms / 1000)), by_sort: bySort };
  } finally {
    await core.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'billing-desktop-lines', run: firstPages }];
