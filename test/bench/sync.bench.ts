import { randomBytes, randomUUID } from 'node:crypto';
import { createCore } from '../../electron/core/core';
import type { MemberList } from '@shared/plan-api/members';
import { syncToQuiet } from '../integration/support/sync-quiet';
import { benchTempDir } from './roster-fixture';
import type { BenchOptions, Benchmark } from './run';
import { bareApply } from './sync-bare-apply';
import { serverModules } from './plan-service-fixture';
import { closeSyncBenchService, seconds, syncBenchMembers, withSyncBenchService, type SyncBenchService } from './sync-fixture';
import { measureSyncUi } from './sync-ui';

const INITIAL_TARGET_MS = 10_000;
const INCREMENTAL_TARGET_MS = 500;

/**
 * Plan-side changes for sync.incremental, and the bare loop's page: the largest page the feed serves
 * (shared/plan-api/changes.ts), as a first sync asks for, or at smoke size one small enough that
 * the few hundred members still take several pages.
 */
function syncSize(options: BenchOptions): { changes: number; barePage: number } {
  return options.smoke ? { changes: 20, barePage: 100 } : { changes: 1000, barePage: 10_000 };
}

/** A desktop core with an empty store in a new folder, connected to the bench service. */
function openCore(service: SyncBenchService, dataDir: string, key: Buffer) {
  return createCore({ dataDir, encryptionKey: key, planService: { url: service.service.url, token: service.token }, sandbox: false, validateOutput: false, log: () => {} });
}

/** From an empty store to quiet: the core opens, signs in with the token, pulls every page and applies it. */
async function timeFirstSync(service: SyncBenchService, dataDir: string, key: Buffer): Promise<number> {
  const started = performance.now();
  const core = openCore(service, dataDir, key);
  try {
    await syncToQuiet(core);
    const elapsed = performance.now() - started;
    const page = await core.call('members.list', { groupNumber: service.groupNumber, limit: 1, offset: 0, grouping: 'none', sort: { by: 'memberId', dir: 'asc' } });
    const total = page.ok ? (page.value as { total: number }).total : -1;
    // The roster hides members terminated more than two years ago, so it may show fewer than loaded.
    if (total <= 0) throw new Error(`After the first sync the local roster shows ${total} members`);
    return elapsed;
  } finally {
    await core.close();
  }
}

/** The store sync.initial filled, for sync.incremental to start from when both run. */
let syncedStore: { dataDir: string; key: Buffer } | null = null;

async function initialSync(service: SyncBenchService, options: BenchOptions): Promise<Record<string, unknown>> {
  const { barePage } = syncSize(options);
  const store = { dataDir: benchTempDir('groupdesk-bench-sync-'), key: randomBytes(32) };
  const e2eMs = await timeFirstSync(service, store.dataDir, store.key);
  syncedStore = store;
  const bare = await bareApply({ url: service.service.url, token: service.token, groupNumber: service.groupNumber, pageSize: barePage });
  if (bare.rows !== service.feedRows) throw new Error(`The bare loop read ${bare.rows} changes, the feed holds ${service.feedRows}`);
  return {
    n: 1,
    median_ms: Math.round(e2eMs),
    p95_ms: Math.round(e2eMs),
    backend: service.backend,
    members: service.members,
    feed_rows: service.feedRows,
    e2e_s: seconds(e2eMs),
    rows_per_s: Math.round(service.feedRows / (e2eMs / 1000)),
    bare_s: seconds(bare.ms),
    bare_fetch_s: seconds(bare.fetch_ms),
    bare_page_size: barePage,
    bare_rows_per_s: Math.round(bare.rows / (bare.ms / 1000)),
    ratio_to_bare: Math.round((bare.ms / e2eMs) * 100) / 100,
    seed_s: service.seed_s,
    target_s: INITIAL_TARGET_MS / 1000,
    met: e2eMs <= INITIAL_TARGET_MS,
  };
}

/**
 * Demographic changes made on the plan service (4 concurrent clients, as other offices would), each
 * a new member version in the feed, while the desktop is closed.
 */
async function changeOnService(service: SyncBenchService, count: number): Promise<number> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${service.service.url}/v1/groups/${service.groupNumber}${path}`, { ...init, headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json', ...init.headers } });
  const listed = (await (await api(`/members?relationship=subscriber&status=active&limit=${count}`)).json()) as MemberList;
  if (listed.members.length < count) throw new Error(`Only ${listed.members.length} active subscribers to change`);
  const today = new Date().toISOString().slice(0, 10);
  let next = 0;
  const client = async () => {
    while (next < count) {
      const member = listed.members[next++];
      if (!member) return;
      const response = await api('/demographics', {
        method: 'POST',
        headers: { 'idempotency-key': randomUUID() },
        body: JSON.stringify({ memberId: member.memberId, changes: { phone: `614-555-${String(1000 + (next % 9000))}` }, effectiveDate: today, correction: false, expectedVersion: member.version }),
      });
      if (response.status !== 201) throw new Error(`A demographic change answered ${response.status}: ${await response.text()}`);
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  return count;
}

async function incrementalSync(service: SyncBenchService, options: BenchOptions): Promise<Record<string, unknown>> {
  const { dataDir, key } = syncedStore ?? { dataDir: benchTempDir('groupdesk-bench-sync-'), key: randomBytes(32) };
  if (syncedStore === null) await timeFirstSync(service, dataDir, key);
  const { headSequence } = await serverModules();
  const before = await headSequence(service.service.db, service.groupNumber);
  const changed = await changeOnService(service, syncSize(options).changes);
  const feedRows = (await headSequence(service.service.db, service.groupNumber)) - before;

  // Reopening is part of it: a desktop launched after a night's changes syncs at launch.
  const started = performance.now();
  const core = openCore(service, dataDir, key);
  const openMs = performance.now() - started;
  try {
    await syncToQuiet(core);
  } finally {
    await core.close();
  }
  const ms = performance.now() - started;
  return {
    n: 1,
    median_ms: Math.round(ms),
    p95_ms: Math.round(ms),
    backend: service.backend,
    members: service.members,
    changes: changed,
    feed_rows: feedRows,
    open_ms: Math.round(openMs),
    target_ms: INCREMENTAL_TARGET_MS,
    met: ms <= INCREMENTAL_TARGET_MS,
  };
}

export const benchmarks: Benchmark[] = [
  { name: 'sync.initial', run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => initialSync(service, options)) },
  { name: 'sync.incremental', run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => incrementalSync(service, options)) },
  { name: 'sync.ui', run: (options) => withSyncBenchService(syncBenchMembers(options), measureSyncUi) },
];

export const afterBenchmarks = closeSyncBenchService;
