import { generateMembers } from '@shared/sandbox/generator';
import type { MemberRecord } from '@shared/sandbox/types';
import type { Backend } from '../../server/src/store/db';
import { benchGroupInput, benchPlans, serverModules, startBenchService, type BenchService } from './plan-service-fixture';

/** The size of group a first sync is built for: the largest employer the app targets (docs/architecture.md#pull). */
export const syncBenchMembers = Number(process.env.BENCH_SYNC_MEMBERS ?? 250_000);
export const syncBenchGroup = '880004';

/** The plan service's backend: PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names a server, else PGlite. */
export function syncBenchBackend(): Backend {
  if (!process.env.DATABASE_URL && process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
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
export async function startSyncBenchService(members = syncBenchMembers): Promise<SyncBenchService> {
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

/** The sync benchmarks, in the order run.ts runs them. */
export const syncBenchNames = ['sync.initial', 'sync.incremental', 'sync.ui'] as const;
export type SyncBenchName = (typeof syncBenchNames)[number];

/**
 * Loading 250,000 members into the plan service takes minutes, so the sync benchmarks of one run
 * share one service: it starts for the first that runs and closes after the last (run.ts runs the
 * benchmarks whose name starts with its argument, one at a time, in order). Each benchmark still
 * starts from its own empty desktop store or browser host.
 */
let shared: Promise<SyncBenchService> | null = null;
const planned = new Set<SyncBenchName>(syncBenchNames.filter((name) => name.startsWith(process.argv[2] ?? '')));

export async function withSyncBenchService<T>(name: SyncBenchName, run: (service: SyncBenchService) => Promise<T>): Promise<T> {
  shared ??= startSyncBenchService();
  try {
    return await run(await shared);
  } finally {
    planned.delete(name);
    if (planned.size === 0) {
      const service = shared;
      shared = null;
      await (await service).close();
    }
  }
}
