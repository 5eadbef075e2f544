import { generateMembers } from '@shared/sandbox/generator';
import type { Backend } from '../../server/src/store/db';
import { eq } from 'drizzle-orm';
import type { ChangesPage } from '@shared/plan-api/changes';
import { forkService } from './plan-service-fork';
import { benchDatabaseUrl, benchGroupInput, benchPlans, serverModules, startBenchService } from './plan-service-fixture';
import { benchTempDir, familiesUpTo } from './roster-fixture';
import type { BenchOptions } from './run';
import { BASE_MEMBERS } from './bench-size';

/**
 * The largest group a first sync is built for (docs/architecture.md#pull), or the `--members` asked
 * for; a smoke run's group still spans several feed pages when the benchmark asks for small ones.
 */
export const syncBenchMembers = (options: BenchOptions): number => (options.smoke ? 300 : (options.members ?? BASE_MEMBERS));
export const syncBenchGroup = '880004';

/** The plan service's backend: PostgreSQL when DATABASE_URL or TEST_DATABASE_URL names a server, else PGlite. */
export function syncBenchBackend(): Backend {
  return benchDatabaseUrl() ? 'postgres' : 'pglite';
}

/** Whole families from the sandbox generator until at least `count` members (its ID space holds a million subscribers). */
function syncFamilies(count: number, today: string) {
  return familiesUpTo(generateMembers({ seed: 11, today, groupNumber: syncBenchGroup, plans: benchPlans, subscribers: Math.min(count, 1_000_000) }), count);
}

export interface SyncBenchService {
  backend: Backend;
  /** The plan service's address: a process of its own (plan-service-child.ts), not the benchmark's thread. */
  url: string;
  /** A bearer token of the group's primary administrator, whose password is `syncBenchPassword`. */
  token: string;
  groupNumber: string;
  members: number;
  /** The feed's head after loading: how many changes a first sync reads. */
  feedRows: number;
  seed_s: number;
  close(): Promise<void>;
}

/** The administrator's password, for a benchmark that signs in as a user would (sync-ui.ts). */
export const syncBenchPassword = 'Bench-Sync-Ui-Password-42';

/**
 * The real plan service on 127.0.0.1 with one group of `members` sandbox-style members (loaded in
 * bulk with their change feed, not timed) and a signed-in primary administrator. The loading runs
 * here; the service that answers the desktop is then a child process on the same database, so the
 * desktop's side of a sync is measured without the service's work on its thread.
 */
export async function startSyncBenchService(members: number): Promise<SyncBenchService> {
  const backend = syncBenchBackend();
  const bench = await startBenchService(backend, benchGroupInput(syncBenchGroup), backend === 'pglite' ? benchTempDir('groupdesk-bench-sync-service-') : undefined);
  let released = false;
  try {
    const { bulkLoadMembers, headSequence, users } = await serverModules();
    const { hashPassword } = await import('../../server/src/services/accounts/password-hash');
    const today = new Date().toISOString().slice(0, 10);
    const started = performance.now();
    const loaded = await bench.service.db.transaction((tx) => bulkLoadMembers(tx, bench.cipher, syncBenchGroup, syncFamilies(members, today), new Date()));
    const seed_s = Math.round((performance.now() - started) / 100) / 10;
    await bench.service.db.update(users).set({ passwordHash: await hashPassword(syncBenchPassword) }).where(eq(users.userId, 'benchadmin'));
    const feedRows = await headSequence(bench.service.db, syncBenchGroup);
    await bench.closeService();
    released = true;
    const child = await forkService(bench);
    return {
      backend,
      url: child.url,
      token: bench.token,
      groupNumber: syncBenchGroup,
      members: loaded,
      feedRows,
      seed_s,
      async close() {
        await child.stop();
        await bench.dispose();
      },
    };
  } catch (error) {
    if (released) await bench.dispose();
    else await bench.close();
    throw error;
  }
}

/** The group's newest feed sequence, as the feed itself tells it. */
export async function feedHead(service: SyncBenchService): Promise<number> {
  const response = await fetch(`${service.url}/v1/groups/${service.groupNumber}/changes?after=0&limit=1`, { headers: { authorization: `Bearer ${service.token}` } });
  if (response.status !== 200) throw new Error(`The feed answered ${response.status}`);
  return ((await response.json()) as ChangesPage).headSeq;
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
