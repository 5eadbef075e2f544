import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError, Result } from '@shared/contract';
import { useApi, useCoreEvent } from './ApiProvider';

export interface JobProgress {
  done: number;
  /** Null while the core cannot tell yet (a file still being read). */
  total: number | null;
}

export type JobOutcome<T> = { kind: 'done'; value: T } | { kind: 'cancelled' } | { kind: 'failed'; error: ContractError };

/**
 * One long core job at a time (an export, a file check) under a jobId the renderer makes up, so it can
 * follow the job's `job.progress` events and cancel it while the call is still out. Leaving the screen
 * (another page, a group switch) cancels a job still running: nobody is left to save or read its result.
 */
export function useJob() {
  const api = useApi();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<{ jobId: string; cancelled: boolean } | null>(null);

  useCoreEvent((event) => {
    if (event.type === 'job.progress' && event.jobId === current.current?.jobId) setProgress({ done: event.done, total: event.total });
  });

  const run = useCallback(async <T>(start: (jobId: string) => Promise<Result<T>>): Promise<JobOutcome<T>> => {
    const job = { jobId: crypto.randomUUID(), cancelled: false };
    current.current = job;
    setProgress({ done: 0, total: null });
    setCancelling(false);
    try {
      const result = await start(job.jobId);
      if (result.ok) return { kind: 'done', value: result.value };
      // A cancelled job answers with an error of its own; the user asked for it, so it is no failure.
      return job.cancelled ? { kind: 'cancelled' } : { kind: 'failed', error: result.error };
    } finally {
      current.current = null;
      setProgress(null);
      setCancelling(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    const job = current.current;
    if (!job || job.cancelled) return;
    job.cancelled = true;
    setCancelling(true);
    await api.call('jobs.cancel', { jobId: job.jobId });
  }, [api]);

  useEffect(
    () => () => {
      const job = current.current;
      if (job && !job.cancelled) void api.call('jobs.cancel', { jobId: job.jobId });
    },
    [api],
  );

  return { running: progress !== null, progress, cancelling, run, cancel };
}

export type Job = ReturnType<typeof useJob>;
