import type { Backend } from '../../server/src/store/db';
import { ENROLL_CLIENTS, enrollOverHttp, runConcurrently } from './enroll-clients';
import { benchBackends, benchGroupInput, startBenchService } from './plan-service-fixture';
import type { BenchOptions, Benchmark } from './run';
import { summarize } from './timing';

const GROUP = '880001';

/** Enrollments sent before measuring and measured (BENCH_ENROLLMENTS for another count). */
function enrollSize(options: BenchOptions): { warmup: number; measured: number } {
  return options.smoke ? { warmup: ENROLL_CLIENTS, measured: 3 * ENROLL_CLIENTS } : { warmup: 40, measured: Number(process.env.BENCH_ENROLLMENTS ?? 2000) };
}

/**
 * Accepted enrollment transactions per second with 4 concurrent HTTP clients, each sending the next
 * enrollment (with its own Idempotency-Key) as soon as the last one is answered.
 */
async function enrollThroughput(backend: Backend, options: BenchOptions): Promise<Record<string, unknown>> {
  const size = enrollSize(options);
  const bench = await startBenchService(backend, benchGroupInput(GROUP));
  try {
    const today = new Date().toISOString().slice(0, 10);
    const enroll = enrollOverHttp(bench.service.url, GROUP, bench.token, today);
    await runConcurrently(0, size.warmup, enroll);
    const run = await runConcurrently(size.warmup, size.measured, enroll);
    // Figures over rejections alone would time error answers, not enrollments.
    if (run.latencies.length === 0) throw new Error(`None of ${size.measured} enrollments was accepted`);
    return { backend, clients: ENROLL_CLIENTS, ...summarize(run.latencies), rejected: run.rejected, accepted_per_s: Math.round(run.latencies.length / run.seconds) };
  } finally {
    await bench.close();
  }
}

export const benchmarks: Benchmark[] = benchBackends().map((backend) => ({ name: 'server.enroll', run: (options) => enrollThroughput(backend, options) }));
