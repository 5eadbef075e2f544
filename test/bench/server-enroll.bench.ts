import { randomUUID } from 'node:crypto';
import type { EnrollRequest } from '@shared/plan-api/eligibility';
import { addDays, firstOfNextMonth } from '@shared/util/dates';
import type { Backend } from '../../server/src/store/db';
import { benchBackends, benchGroupInput, startBenchService } from './plan-service-fixture';
import type { BenchOptions, Benchmark } from './run';
import { summarize } from './timing';

const CLIENTS = 4;
const GROUP = '880001';

/** Enrollments sent before measuring and measured (BENCH_ENROLLMENTS for another count). */
function enrollSize(options: BenchOptions): { warmup: number; measured: number } {
  return options.smoke ? { warmup: CLIENTS, measured: 3 * CLIENTS } : { warmup: 40, measured: Number(process.env.BENCH_ENROLLMENTS ?? 2000) };
}

/** Each enrollment a different employee: a subscriber with a spouse, unique SSN. */
function enrollmentBody(i: number, today: string): EnrollRequest {
  // Area 501, group 10 upwards, serial 0001–9999: numbers the SSA issues, unique per employee.
  const ssn = `501${String(10 + Math.floor(i / 9999)).padStart(2, '0')}${String((i % 9999) + 1).padStart(4, '0')}`;
  return {
    subscriber: {
      firstName: 'Jordan',
      lastName: `Bench`,
      dateOfBirth: '1984-07-19',
      gender: 'U',
      ssn,
      address: { line1: '1 Bench Way', city: 'Columbus', state: 'OH', zip: '43215' },
      // Hired 45 days ago: past the 30-day waiting period and inside the first enrollment window.
      hireDate: addDays(today, -45),
      employmentStatus: 'FT',
    },
    planCode: i % 2 === 0 ? 'PPO-500' : 'HMO-250',
    effectiveDate: firstOfNextMonth(today),
    dependents: [{ relationship: 'spouse', firstName: 'Alex', lastName: 'Bench', dateOfBirth: '1985-01-02', gender: 'U' }],
  };
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
    const url = `${bench.service.url}/v1/groups/${GROUP}/enrollments`;
    let next = 0;
    const latencies: number[] = [];
    let rejected = 0;
    const client = async (count: () => boolean, record: boolean) => {
      while (count()) {
        const body = JSON.stringify(enrollmentBody(next++, today));
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 201) rejected++;
        else if (record) latencies.push(performance.now() - started);
      }
    };
    let warm = 0;
    await Promise.all(Array.from({ length: CLIENTS }, () => client(() => warm++ < size.warmup, false)));
    let sent = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, () => client(() => sent++ < size.measured, true)));
    const seconds = (performance.now() - started) / 1000;
    // Figures over rejections alone would time error answers, not enrollments.
    if (latencies.length === 0) throw new Error(`None of ${size.measured} enrollments was accepted`);
    return { backend, clients: CLIENTS, ...summarize(latencies), rejected, accepted_per_s: Math.round(latencies.length / seconds) };
  } finally {
    await bench.close();
  }
}

export const benchmarks: Benchmark[] = benchBackends().map((backend) => ({ name: 'server.enroll', run: (options) => enrollThroughput(backend, options) }));
