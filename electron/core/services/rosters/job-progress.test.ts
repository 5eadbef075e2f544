import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import { jobProgress } from './job-progress';

const jobId = '6f1c1a52-8d4e-4c1b-9a7e-2b1f0c3d4e5f';

/** Reports `steps` as [ms since start, done] on a clock the test moves, and answers the counts published. */
function published(total: number | null, steps: [number, number][], finalRows: number): [number, number | null][] {
  const events: CoreEvent[] = [];
  let now = 0;
  const progress = jobProgress(jobId, (event) => events.push(event), () => now);
  for (const [at, done] of steps) {
    now = at;
    progress.report(done, total);
  }
  progress.finish(finalRows);
  return events.flatMap((e) => (e.type === 'job.progress' ? [[e.done, e.total] as [number, number | null]] : []));
}

describe('jobProgress', () => {
  it('sends the start, then at most every 250 ms, then the final count', () => {
    expect(published(1_000_000, [[0, 0], [10, 1000], [100, 2000], [260, 3000], [300, 4000], [520, 5000]], 5000)).toEqual([
      [0, 1_000_000],
      [3000, 1_000_000],
      [5000, 1_000_000],
      [5000, 5000],
    ]);
  });

  it('sends each twentieth of the job at once, however quick', () => {
    expect(published(100, [[0, 0], [1, 4], [2, 5], [3, 9], [4, 10]], 10)).toEqual([
      [0, 100],
      [5, 100],
      [10, 100],
      [10, 10],
    ]);
  });

  it('sends a final count equal to its total only once', () => {
    expect(published(3, [[0, 0], [1, 3]], 3)).toEqual([
      [0, 3],
      [3, 3],
    ]);
  });

  it('follows an unknown total by time alone', () => {
    expect(published(null, [[0, 0], [100, 1000], [300, 2000]], 2500)).toEqual([
      [0, null],
      [2000, null],
      [2500, 2500],
    ]);
  });
});
