import { ContractFailure } from '@shared/contract';

/**
 * The long jobs running in this core (an export, a file check), each under the id the renderer gave
 * it, so `jobs.cancel` can stop one while its own call is still waiting for its answer.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Registers a job and answers the signal it must check; an id already running is refused. */
  start(jobId: string): AbortSignal {
    if (this.running.has(jobId)) throw new ContractFailure('CONFLICT', 'That job is already running.');
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  /** The job answered (done, failed or cancelled): forget it. */
  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** Asks a running job to stop; false when no job has that id (it had already finished). */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (controller === undefined) return false;
    controller.abort();
    return true;
  }

  /** The core is closing: stop every job. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
