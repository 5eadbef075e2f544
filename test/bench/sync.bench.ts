import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createCore } from '../../electron/core/core';
import type { MemberList } from '@shared/plan-api/members';
import { syncToQuiet } from '../integration/support/sync-quiet';
import { benchTempDir } from './roster-fixture';
import type { BenchOptions, Benchmark } from './run';
import { bareApply } from './sync-bare-apply';
import { summarize } from './timing';
import { closeSyncBenchService, feedHead, seconds, syncBenchMembers, withSyncBenchService, type SyncBenchService } from './sync-fixture';
import { measureRosterHeap, measureSyncUi } from './sync-ui';

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

const runChild = promisify(execFile);
const syncChild = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sync-child.ts');

interface ChildFigures {
  ms: number;
  cpu_ms: number;
  peak_rss_mib: number;
}

/** One side of a sync in its own process (sync-child.ts), for the peak memory of that side alone. */
async function inChild<T>(args: string[]): Promise<T & ChildFigures> {
  const { stdout } = await runChild(process.execPath, ['--import', 'tsx', syncChild, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T & ChildFigures;
}

const feedOf = (service: SyncBenchService): string => JSON.stringify({ url: service.url, token: service.token, groupNumber: service.groupNumber, feedRows: service.feedRows });

/** From an empty store to quiet, in a process that runs the desktop core and nothing else. */
function timeFirstSync(service: SyncBenchService, dataDir: string, key: Buffer): Promise<ChildFigures & { rss_start_mib: number }> {
  return inChild(['first-sync', feedOf(service), dataDir, key.toString('base64')]);
}

/** The store sync.initial filled, for sync.incremental to start from when both run. */
let syncedStore: { dataDir: string; key: Buffer } | null = null;

/** First syncs per run: each takes seconds at full size and the machine is shared, so the median of a few. */
const initialRuns = (options: BenchOptions): number => (options.smoke ? 2 : 3);
const APPLY_TARGET_RATIO = 0.5;

async function initialSync(service: SyncBenchService, options: BenchOptions): Promise<Record<string, unknown>> {
  const { barePage } = syncSize(options);
  const e2e: number[] = [];
  const cores: (ChildFigures & { rss_start_mib: number })[] = [];
  const bare: Awaited<ReturnType<typeof bareApply>>[] = [];
  for (let run = 0; run < initialRuns(options); run++) {
    const store = { dataDir: benchTempDir('groupdesk-bench-sync-'), key: randomBytes(32) };
    const core = await timeFirstSync(service, store.dataDir, store.key);
    cores.push(core);
    e2e.push(core.ms);
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
    // The core's process: its processor time (median) beside the wall time, and its highest peak resident memory.
    cpu_ms: Math.round(summarize(cores.map((c) => c.cpu_ms)).median_ms),
    core_peak_rss_mib: Math.max(...cores.map((c) => c.peak_rss_mib)),
    core_rss_start_mib: cores[0]?.rss_start_mib ?? null,
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
  const peaks: number[] = [];
  let rows = 0;
  for (let run = 0; run < initialRuns(options); run++) {
    const w = await inChild<{ rows: number; members: number }>(['writer', feedOf(service), String(barePage)]);
    const b = await inChild<{ rows: number; members: number }>(['bare', feedOf(service), String(barePage)]);
    if (w.members !== b.members) throw new Error(`The writer stored ${w.members} members, the bare loop ${b.members}`);
    rows = w.rows;
    writer.push(w.ms);
    floor.push(b.ms);
    peaks.push(w.peak_rss_mib);
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
    // The writer's process (it also holds each parsed page it applies): its highest peak resident memory.
    core_peak_rss_mib: Math.max(...peaks),
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
  { name: 'sync.initial', scales: true, run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => initialSync(service, options)) },
  { name: 'sync.apply', scales: true, run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => applyRate(service, options)) },
  { name: 'sync.incremental', run: (options) => withSyncBenchService(syncBenchMembers(options), (service) => incrementalSync(service, options)) },
  { name: 'sync.ui', run: (options) => withSyncBenchService(syncBenchMembers(options), measureSyncUi) },
  { name: 'sync.ui.heap', run: (options) => withSyncBenchService(syncBenchMembers(options), measureRosterHeap) },
];

export const afterBenchmarks = closeSyncBenchService;
