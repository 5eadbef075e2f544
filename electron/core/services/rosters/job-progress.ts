import type { CoreEvent } from '@shared/contract/events';

/** Progress events at most this often, unless a twentieth of the job is done since the last one. */
const minimumGapMs = 250;
const minimumShare = 0.05;

/**
 * A job's `job.progress` reporter: events often enough for a progress bar, rare enough that
 * 250,000 members do not flood the window with messages. The final count is always sent.
 */
export function jobProgress(jobId: string, publish: (event: CoreEvent) => void, clock: () => number = () => performance.now()) {
  let lastAt = -Infinity;
  let lastDone = -1;
  let lastTotal: number | null = null;
  const send = (done: number, total: number | null) => {
    lastAt = clock();
    lastDone = done;
    lastTotal = total;
    publish({ type: 'job.progress', jobId, done, total });
  };
  return {
    report(done: number, total: number | null): void {
      const share = total === null || total === 0 ? 0 : (done - lastDone) / total;
      if (lastDone < 0 || total !== lastTotal || clock() - lastAt >= minimumGapMs || share >= minimumShare) send(done, total);
    },
    finish(done: number): void {
      if (done !== lastDone || lastTotal !== done) send(done, done);
    },
  };
}
