import { ContractFailure } from '@shared/contract';

/** How a long job (a file check) learns that the user cancelled it: `jobs.cancel` aborts its signal. */
export interface JobSignals {
  /** Starts following a job by the id the renderer chose; call `end` when it finished, however it finished. */
  begin(jobId: string): { signal: AbortSignal; end(): void };
}

/** The running jobs of this core, by id: `begin` for the job, `cancel` for `jobs.cancel`. */
export class JobRegistry implements JobSignals {
  private readonly running = new Map<string, AbortController>();

  begin(jobId: string): { signal: AbortSignal; end(): void } {
    if (this.running.has(jobId)) throw new ContractFailure('CONFLICT', 'This job is already running.', { jobId: 'Already running' });
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return { signal: controller.signal, end: () => this.running.delete(jobId) };
  }

  /** False when no such job runs (it finished, or never started). */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }
}

/** The core's one registry of running jobs. */
export const runningJobs = new JobRegistry();
