import { generateMembers } from '@shared/sandbox/generator';
import type { MemberRecord } from '@shared/sandbox/types';
import type { Backend } from '../../server/src/store/db';
import { benchDatabaseUrl, benchGroupInput, benchPlans, serverModules, startBenchService, type BenchService } from './plan-service-fixture';
import type { BenchOptions } from './run';

/**
 * The largest group a first sync is built for (docs/architecture.md#pull), or BENCH_SYNC_MEMBERS; a smoke run's group still
 * spans several feed pages when the benchmark asks for small ones.
 */
export const syncBenchMembers = (options: BenchOptions): number => (options.smoke ? 300 : Number(process.env.BENCH_SYNC_MEMBERS ?? 250_000));
export const syncBenchGroup = '880004';

/** The plan service's backend: PostgreSQL when DATABASE_URL or TEST_DATABASE_URL names a server, else PGlite. */
export function syncBenchBackend(): Backend {
  return benchDatabaseUrl() ? 'postgres' : 'pglite';
}

/** Whole families from the sandbox generator until at least `count` members. */
function* familiesUpTo(count: number, today: string): Generator<MemberRecord> {
  let n = 0;
  for (const record of generateMembers({ seed: 11, today, groupNumber: syncBenchGroup, plans: benchPlans, subscribers: count })) {
    if (n >= count && record.relationship === 'subscriber') return;
    n++;
    yield record;
  }
}

export interface SyncBenchService extends BenchService {
  backend: Backend;
  groupNumber: string;
  members: number;
  /** The feed's head after loading: how many changes a first sync reads. */
  feedRows: number;
  seed_s: number;
}

/**
 * The real plan service on 127.0.0.1 with one group of `members` sandbox-style members (loaded in
 * bulk with their change feed, not timed) and a signed-in primary administrator.
 */
export async function startSyncBenchService(members: number): Promise<SyncBenchService> {
  const backend = syncBenchBackend();
  const bench = await startBenchService(backend, benchGroupInput(syncBenchGroup));
  try {
    const { bulkLoadMembers, headSequence } = await serverModules();
    const today = new Date().toISOString().slice(0, 10);
    const started = performance.now();
    const loaded = await bench.service.db.transaction((tx) => bulkLoadMembers(tx, bench.cipher, syncBenchGroup, familiesUpTo(members, today), new Date()));
    const seed_s = Math.round((performance.now() - started) / 100) / 10;
    return { ...bench, backend, groupNumber: syncBenchGroup, members: loaded, feedRows: await headSequence(bench.service.db, syncBenchGroup), seed_s };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

export const seconds = (ms: number): number => Math.round(ms) / 1000;

/**
 * Loading 250,000 members into the plan service takes minutes, so the sync benchmarks of one run
 * share one service: it starts for the first that runs and closes once they all have (sync.bench.ts
 * exports closeSyncBenchService as its afterBenchmarks). Each benchmark still starts from its own
 * empty desktop store or browser host.
 */
let shared: { members: number; service: Promise<SyncBenchService> } | null = null;

export async function withSyncBenchService<T>(members: number, run: (service: SyncBenchService) => Promise<T>): Promise<T> {
  if (shared !== null && shared.members !== members) throw new Error(`The shared sync service holds ${shared.members} members, not ${members}`);
  shared ??= { members, service: startSyncBenchService(members) };
  return run(await shared.service);
}

export async function closeSyncBenchService(): Promise<void> {
  const closing = shared;
  shared = null;
  await (await closing?.service.catch(() => null))?.close();
}
