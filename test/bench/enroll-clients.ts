import { randomUUID } from 'node:crypto';
import type { EnrollRequest } from '@shared/plan-api/eligibility';
import { addDays, firstOfNextMonth } from '@shared/util/dates';

/** Concurrent clients, each sending its next enrollment as soon as the last one is answered. */
export const ENROLL_CLIENTS = 4;

/** Area 501, group 10 upwards, serial 0001–9999: numbers the SSA issues, unique per employee. */
export function benchSsn(i: number): string {
  return `501${String(10 + Math.floor(i / 9999)).padStart(2, '0')}${String((i % 9999) + 1).padStart(4, '0')}`;
}

/** Each enrollment a different employee: a subscriber with a spouse, unique SSN. */
export function enrollmentBody(i: number, today: string): EnrollRequest {
  return {
    subscriber: {
      firstName: 'Jordan',
      lastName: `Bench`,
      dateOfBirth: '1984-07-19',
      gender: 'U',
      ssn: benchSsn(i),
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
 * Runs `count` jobs on ENROLL_CLIENTS concurrent loops, job numbers from `first` upwards; resolves
 * to each job's duration in milliseconds (null for a refused one) and the wall time of the whole.
 */
export async function runConcurrently(first: number, count: number, job: (i: number) => Promise<boolean>): Promise<{ latencies: number[]; rejected: number; seconds: number }> {
  let next = first;
  const end = first + count;
  const latencies: number[] = [];
  let rejected = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < end) {
      const i = next++;
      const t = performance.now();
      if (await job(i)) latencies.push(performance.now() - t);
      else rejected++;
    }
  };
  await Promise.all(Array.from({ length: ENROLL_CLIENTS }, loop));
  return { latencies, rejected, seconds: (performance.now() - started) / 1000 };
}

/** One enrollment over HTTP with its own Idempotency-Key; true when accepted (201). */
export function enrollOverHttp(serviceUrl: string, groupNumber: string, token: string, today: string): (i: number) => Promise<boolean> {
  const url = `${serviceUrl}/v1/groups/${groupNumber}/enrollments`;
  return async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(enrollmentBody(i, today)),
    });
    await response.arrayBuffer();
    return response.status === 201;
  };
}
