import type { PGlite } from '@electric-sql/pglite';
import type { Backend } from '../../server/src/store/db';
import { bareEnroll, barePglite, barePostgres, type BareDatabase } from './enroll-bare-loop';
import { ENROLL_CLIENTS, enrollOverHttp, runConcurrently } from './enroll-clients';
import { benchBackends, benchGroupInput, startBenchService, type BenchService } from './plan-service-fixture';
import { forkService } from './plan-service-fork';
import type { BenchOptions, Benchmark } from './run';
import { summarize } from './timing';

const GROUP = '880001';
/** The service's rate as a share of the bare loop's that the service must reach on PostgreSQL. */
const TARGET = 0.5;

/**
 * Enrollments sent before measuring, and per measured round (BENCH_ENROLLMENTS for another count).
 * Rounds alternate service and bare loop, short enough that the service's HTTP connections never
 * sit idle long enough to be closed while the bare loop runs (a reused socket closing under a
 * request fails it), and many enough that a median settles the noise of a shared host.
 */
function enrollSize(options: BenchOptions): { warmup: number; measured: number; rounds: number } {
  return options.smoke ? { warmup: ENROLL_CLIENTS, measured: 3 * ENROLL_CLIENTS, rounds: 1 } : { warmup: 40, measured: Number(process.env.BENCH_ENROLLMENTS ?? 300), rounds: 7 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The bare loop's connection to the service's own database: a `pg` pool on PostgreSQL, the service's PGlite client itself otherwise. */
function bareDatabase(bench: BenchService): BareDatabase {
  if (bench.database && 'databaseUrl' in bench.database) return barePostgres(bench.database.databaseUrl);
  return barePglite((bench.service.db as unknown as { $client: PGlite }).$client);
}

/**
 * Accepted enrollment transactions per second with 4 concurrent HTTP clients, each sending the next
 * enrollment (with its own Idempotency-Key) as soon as the last one is answered; and beside it, in
 * alternating rounds on the same database, a bare loop sending the same statements with the same
 * rows straight to the driver with the same concurrency (enroll-bare-loop.ts). `ratio` is the
 * service's median rate over the bare loop's: what the service's own work (HTTP, validation, rules,
 * authorization, the ORM) leaves of what the database can do. On PostgreSQL the service runs in a
 * process of its own, as it does in production, so the benchmark's HTTP clients do not take its CPU;
 * PGlite lives inside the service's process, so there it runs in this one beside the bare loop.
 */
async function enrollThroughput(backend: Backend, options: BenchOptions): Promise<Record<string, unknown>> {
  const size = enrollSize(options);
  const bench = await startBenchService(backend, benchGroupInput(GROUP));
  const bare = bareDatabase(bench);
  const forked = backend === 'postgres' ? await bench.closeService().then(() => forkService(bench)) : null;
  try {
    const today = new Date().toISOString().slice(0, 10);
    const enroll = enrollOverHttp(forked?.url ?? bench.service.url, GROUP, bench.token, today);
    const bareOne = bareEnroll(bare, { groupNumber: GROUP, userId: bench.userId, token: bench.token, cipher: bench.cipher, today });
    let next = 0;
    await runConcurrently(next, size.warmup, enroll);
    await runConcurrently((next += size.warmup), size.warmup, bareOne);
    next += size.warmup;
    const latencies: number[] = [];
    const serviceRates: number[] = [];
    const bareRates: number[] = [];
    let rejected = 0;
    for (let round = 0; round < size.rounds; round++) {
      const service = await runConcurrently(next, size.measured, enroll);
      next += size.measured;
      const loop = await runConcurrently(next, size.measured, bareOne);
      next += size.measured;
      // Figures over rejections alone would time error answers, not enrollments.
      if (service.latencies.length === 0 || loop.latencies.length === 0) throw new Error(`None of ${size.measured} enrollments was accepted`);
      latencies.push(...service.latencies);
      rejected += service.rejected + loop.rejected;
      serviceRates.push(service.latencies.length / service.seconds);
      bareRates.push(loop.latencies.length / loop.seconds);
    }
    const ratio = median(serviceRates) / median(bareRates);
    const ratios = serviceRates.map((rate, i) => rate / (bareRates[i] ?? rate));
    return {
      backend,
      clients: ENROLL_CLIENTS,
      ...summarize(latencies),
      rejected,
      rounds: size.rounds,
      accepted_per_s: Math.round(median(serviceRates)),
      bare_per_s: Math.round(median(bareRates)),
      ratio: Math.round(ratio * 100) / 100,
      ratio_range: [Math.round(Math.min(...ratios) * 100) / 100, Math.round(Math.max(...ratios) * 100) / 100],
      target: TARGET,
      // PGlite is one connection inside the service's process, serving one statement at a time: the target is PostgreSQL's.
      ...(backend === 'postgres' ? { met: ratio >= TARGET } : { met: null, note: 'target applies to PostgreSQL; PGlite is one in-process connection, not comparable' }),
    };
  } finally {
    await bare.close();
    if (forked) {
      await forked.stop();
      await bench.dispose();
    } else {
      await bench.close();
    }
  }
}

export const benchmarks: Benchmark[] = benchBackends().map((backend) => ({ name: 'server.enroll', run: (options) => enrollThroughput(backend, options) }));
