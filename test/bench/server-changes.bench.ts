import { generateMembers } from '@shared/sandbox/generator';
import type { MemberRecord } from '@shared/sandbox/types';
import type { Backend } from '../../server/src/store/db';
import { benchBackends, benchGroupInput, benchPlans, serverModules, startBenchService } from './plan-service-fixture';
import type { BenchOptions, Benchmark } from './run';
import { summarize } from './timing';

const GROUP = '880002';

/** A first sync's group and page (BENCH_FEED_MEMBERS for another group size); at smoke size still several pages. */
function feedSize(options: BenchOptions): { members: number; page: number } {
  return options.smoke ? { members: 300, page: 100 } : { members: Number(process.env.BENCH_FEED_MEMBERS ?? 250_000), page: 10_000 };
}

/** Whole families from the sandbox generator until at least `count` members. */
function* familiesUpTo(count: number, today: string): Generator<MemberRecord> {
  let n = 0;
  for (const record of generateMembers({ seed: 7, today, groupNumber: GROUP, plans: benchPlans, subscribers: count })) {
    if (n >= count && record.relationship === 'subscriber') return;
    n++;
    yield record;
  }
}

/**
 * Rows per second reading a large group's whole change feed over HTTP in pages of 10,000, as a
 * desktop's first sync does. The group is loaded in bulk first (not timed).
 */
async function readWholeFeed(backend: Backend, options: BenchOptions): Promise<Record<string, unknown>> {
  const size = feedSize(options);
  const bench = await startBenchService(backend, benchGroupInput(GROUP));
  try {
    const { bulkLoadMembers, headSequence } = await serverModules();
    const today = new Date().toISOString().slice(0, 10);
    const db = bench.service.db;
    const seedStarted = performance.now();
    const members = await db.transaction((tx) => bulkLoadMembers(tx, bench.cipher, GROUP, familiesUpTo(size.members, today), new Date()));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const head = await headSequence(db, GROUP);

    const pageTimes: number[] = [];
    let rows = 0;
    let after = 0;
    const started = performance.now();
    for (;;) {
      const t = performance.now();
      const response = await fetch(`${bench.service.url}/v1/groups/${GROUP}/changes?after=${after}&limit=${size.page}`, { headers: { authorization: `Bearer ${bench.token}` } });
      const page = (await response.json()) as { changes: unknown[]; nextAfter: number; hasMore: boolean };
      pageTimes.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`Feed page after ${after} answered ${response.status}`);
      rows += page.changes.length;
      after = page.nextAfter;
      if (!page.hasMore) break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (rows !== head) throw new Error(`Read ${rows} changes, the feed holds ${head}`);
    return { backend, members, rows, page_size: size.page, ...summarize(pageTimes), seed_s: Math.round(seedSeconds * 10) / 10, rows_per_s: Math.round(rows / seconds) };
  } finally {
    await bench.close();
  }
}

export const benchmarks: Benchmark[] = benchBackends().map((backend) => ({ name: 'server.changes', run: (options) => readWholeFeed(backend, options) }));
