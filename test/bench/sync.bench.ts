import { randomBytes, randomUUID } from 'node:crypto';
import { createCore } from '../../electron/core/core';
import type { MemberList } from '@shared/plan-api/members';
import { syncToQuiet } from '../integration/support/sync-quiet';
import { benchTempDir } from './roster-fixture';
import type { BenchOptions, Benchmark } from './run';
import { bareApply } from './sync-bare-apply';
import { timeBareInserts, timeReplicaWriter } from './sync-apply';
import { summarize } from './timing';
import { closeSyncBenchService, feedHead, seconds, syncBenchMembers, withSyncBenchService, type SyncBenchService } from './sync-fixture';
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
  return createCore({ dataDir, encryptionKey: key, planService: { url: service.url, token: service.token }, sandbox: false, validateOutput: false, log: () => {} });
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

/** First syncs per run: each takes seconds at full size and the machine is shared, so the median of a few. */
const initialRuns = (options: BenchOptions): number => (options.smoke ? 2 : 3);
const APPLY_TARGET_RATIO = 0.5;

async function initialSync(service: SyncBenchService, options: BenchOptions): Promise<Record<string, unknown>> {
  const { barePage } = syncSize(options);
  const e2e: number[] = [];
  const bare: Awaited<ReturnType<typeof bareApply>>[] = [];
  for (let run = 0; run < initialRuns(options); run++) {
    const store = { dataDir: benchTempDir('groupdesk-bench-sync-'), key: randomBytes(32) };
    e2e.push(await timeFirstSync(service, store.dataDir, store.key));
    syncedStore = store;
    // The floor of the same run, right after, on the same service and machine load.
    const floor = await bareApply({ url: service.url, token: service.token, groupNumber: service.groupNumber, pageSize: barePage });
    if (floor.rows !== service.feedRows) throw new Error(`The bare loop read ${floor.rows} changes, the feed holds ${service.feedRows}`);
    bare.push(floor);
  }
  const e2eStats = summarize(e2e);
  const bareMs = summarize(bare.map((b) => b.ms)).median_ms;
  const bareFetchMs = summarize(bare.map((b) => b.fetch_ms)).median_ms;
  const e2eMs = e2eStats.median_ms;
  return {
    n: e2eStats.n,
    median_ms: Math.round(e2eMs),
    p95_ms: Math.round(e2eStats.p95_ms),
    backend: service.backend,
    service: 'own process',
    members: service.members,
    feed_rows: service.feedRows,
    e2e_s: seconds(e2eMs),
    e2e_runs_s: e2e.map(seconds),
    rows_per_s: Math.round(service.feedRows / (e2eMs / 1000)),
    bare_s: seconds(bareMs),
    bare_fetch_s: seconds(bareFetchMs),
    bare_page_size: barePage,
    bare_rows_per_s: Math.round(service.feedRows / (bareMs / 1000)),
    ratio_to_bare: Math.round((bareMs / e2eMs) * 100) / 100,
    seed_s: service.seed_s,
    target_s: INITIAL_TARGET_MS / 1000,
    met: e2eMs <= INITIAL_TARGET_MS,
  };
}

/**
 * `sync.apply`: rows a second of the replica's own writer (applyFeedPage, what the sync applies each
 * page with) against a bare insert loop into the same schema, over the same feed pages in the same
 * run, alternating so both see the same machine load; only the writing is timed, not the fetch or
 * the parse. `ratio` is the writer's rate over the bare loop's.
 */
async function applyRate(service: SyncBenchService, options: BenchOptions): Promise<Record<string, unknown>> {
  const { barePage } = syncSize(options);
  const writer: number[] = [];
  const floor: number[] = [];
  let rows = 0;
  for (let run = 0; run < initialRuns(options); run++) {
    const w = await timeReplicaWriter(service, barePage);
    const b = await timeBareInserts(service, barePage);
    if (w.members !== b.members) throw new Error(`The writer stored ${w.members} members, the bare loop ${b.members}`);
    rows = w.rows;
    writer.push(w.ms);
    floor.push(b.ms);
  }
  const writerStats = summarize(writer);
  const bareMs = summarize(floor).median_ms;
  const ratio = Math.round((bareMs / writerStats.median_ms) * 100) / 100;
  return {
    n: writerStats.n,
    median_ms: Math.round(writerStats.median_ms),
    p95_ms: Math.round(writerStats.p95_ms),
    backend: 'sqlite',
    members: service.members,
    feed_rows: rows,
    page_size: barePage,
    rows_per_s: Math.round(rows / (writerStats.median_ms / 1000)),
    bare_ms: Math.round(bareMs),
    bare_rows_per_s: Math.round(rows / (bareMs / 1000)),
    ratio,
    target_ratio: APPLY_TARGET_RATIO,
    met: ratio >= APPLY_TARGET_RATIO,
  };
}

/**
 * Demographic changes made on the plan service (4 concurrent clients, as other offices would), each
 * a new member version in the feed, while the desktop is closed.
 */
async function changeOnService(service: SyncBenchService, count: number): Promise<number> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${service.url}/v1/groups/${service.groupNumber}${path}`, { ...init, headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json', ...init.headers } });
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
  const before = await feedHead(service);
  const changed = await changeOnService(service, syncSize(options).changes);
  const feedRows = (await feedHead(service)) - before;

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
  { name: 'sync.apply', run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => applyRate(service, options)) },
  { name: 'sync.incremental', run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => incrementalSync(service, options)) },
  { name: 'sync.ui', run: (options) => withSyncBenchService(syncBenchMembers(options), measureSyncUi) },
];

export const afterBenchmarks = closeSyncBenchService;
