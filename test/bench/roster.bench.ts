import { createCore } from '../../electron/core/core';
import type { BenchOptions, Benchmark } from './run';
import { benchGroup, benchSubscribers, benchToday, sharedRosterStore } from './roster-fixture';
import { bareInsertRates, generateBenchMembers, seedRoster } from './roster-seed';
import { summarize, time } from './timing';

function openBenchCore(options: BenchOptions) {
  const store = sharedRosterStore(benchSubscribers(options));
  const core = createCore({ dataDir: store.dataDir, encryptionKey: store.key, sandbox: false, today: benchToday, validateOutput: false });
  return { core, members: store.members };
}

async function expectOk(promise: Promise<{ ok: boolean }>): Promise<void> {
  const result = await promise;
  if (!result.ok) throw new Error(`Bench call failed: ${JSON.stringify(result)}`);
}

/**
 * Typed the way people type into a search box: 2–4 letters of a surname or first name, an ID prefix,
 * a last 4. The members they come from sit well inside the roster, not at its first IDs.
 */
async function searchQueries(options: BenchOptions): Promise<string[]> {
  const count = options.smoke ? 20 : 1000;
  const { core } = openBenchCore(options);
  const offset = options.smoke ? 100 : 40_000;
  const page = await core.call('members.list', { groupNumber: benchGroup.groupNumber, limit: 500, offset, grouping: 'none', sort: { by: 'memberId', dir: 'asc' } });
  await core.close();
  if (!page.ok) throw new Error('Could not read members for the search queries');
  const rows = (page.value as { rows: { firstName: string; lastName: string; memberId: string; ssnLast4: string | null }[] }).rows;
  if (rows.length === 0) throw new Error(`No members at offset ${offset} to take search queries from`);
  const queries: string[] = [];
  for (let i = 0; queries.length < count; i++) {
    const row = rows[i % rows.length];
    if (row === undefined) break;
    const kind = i % 10;
    if (kind < 6) queries.push(row.lastName.slice(0, 2 + (i % 3)));
    else if (kind < 8) queries.push(row.firstName.slice(0, 2 + (i % 3)));
    else if (kind < 9) queries.push(row.memberId.slice(0, 5 + (i % 4)));
    else queries.push(row.ssnLast4 ?? row.lastName.slice(0, 3));
  }
  return queries;
}

/** `floor_p95_ms`: p95 of a trivial call (app.status) timed between the measured ones; on a loaded
 * machine the tail is the scheduler's, and this shows how much of it. */
async function pageBench(options: BenchOptions, input: Record<string, unknown>, fullRuns: number): Promise<Record<string, unknown>> {
  const runs = options.smoke ? 2 : fullRuns;
  const { core, members } = openBenchCore(options);
  const request = { groupNumber: benchGroup.groupNumber, limit: 100, offset: 0, ...input };
  // The first call also sums the total (later pages with the same filters reuse it).
  const first = await time(() => expectOk(core.call('members.list', request)));
  const durations: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    durations.push(await time(() => expectOk(core.call('members.list', request))));
    floor.push(await time(() => expectOk(core.call('app.status', {}))));
  }
  await core.close();
  return { ...summarize(durations), members, first_ms: Math.round(first * 1000) / 1000, floor_p95_ms: summarize(floor).p95_ms };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'roster.seed',
    run: async (options) => {
      const subscribers = benchSubscribers(options);
      const { members, generate_ms } = generateBenchMembers(subscribers);
      const bare = bareInsertRates(members);
      const seeded = seedRoster(members, subscribers);
      return {
        n: 1,
        median_ms: seeded.load_ms,
        p95_ms: seeded.load_ms,
        members: seeded.members,
        rows_per_s: seeded.rows_per_s,
        ...bare,
        ratio_to_baseline: Math.round((seeded.rows_per_s / bare.baseline_rows_per_s) * 100) / 100,
        ratio_to_store_schema: Math.round((seeded.rows_per_s / bare.store_schema_rows_per_s) * 100) / 100,
        generate_ms,
        generate_and_load_rows_per_s: seeded.generate_and_load_rows_per_s,
      };
    },
  },
  {
    name: 'roster.search',
    run: async (options) => {
      const queries = await searchQueries(options);
      const { core, members } = openBenchCore(options);
      const durations: number[] = [];
      const floor: number[] = [];
      let hits = 0;
      for (const query of queries) {
        floor.push(await time(() => expectOk(core.call('app.status', {}))));
        durations.push(
          await time(async () => {
            const result = await core.call('members.search', { groupNumber: benchGroup.groupNumber, query, limit: 10 });
            if (!result.ok) throw new Error(`Search failed: ${JSON.stringify(result)}`);
            hits += (result.value as unknown[]).length;
          }),
        );
      }
      await core.close();
      return { ...summarize(durations), members, mean_hits: Math.round((hits / queries.length) * 10) / 10, floor_p95_ms: summarize(floor).p95_ms };
    },
  },
  { name: 'roster.page', run: (options) => pageBench(options, { sort: { by: 'lastName', dir: 'asc' }, grouping: 'family' }, 300) },
  { name: 'roster.page.desc', run: (options) => pageBench(options, { sort: { by: 'lastName', dir: 'desc' }, grouping: 'family' }, 100) },
  { name: 'roster.page.flat', run: (options) => pageBench(options, { sort: { by: 'lastName', dir: 'asc' }, grouping: 'none' }, 100) },
  { name: 'roster.page.dob', run: (options) => pageBench(options, { sort: { by: 'dateOfBirth', dir: 'asc' }, grouping: 'family' }, 100) },
  { name: 'roster.page.termination', run: (options) => pageBench(options, { sort: { by: 'terminationDate', dir: 'desc' }, grouping: 'family' }, 100) },
  { name: 'roster.page.tier', run: (options) => pageBench(options, { sort: { by: 'tier', dir: 'asc' }, grouping: 'family' }, 100) },
  // Not indexed (status depends on today): the whole group is sorted for the first page.
  { name: 'roster.page.status', run: (options) => pageBench(options, { sort: { by: 'status', dir: 'asc' }, grouping: 'family' }, 10) },
  { name: 'roster.page.query', run: (options) => pageBench(options, { sort: { by: 'lastName', dir: 'asc' }, grouping: 'family', query: 'mar' }, 50) },
];
