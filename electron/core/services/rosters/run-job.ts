import { ContractFailure } from '@shared/contract';
import type { HandlerContext } from '../../dispatch/handler-types';

/**
 * Runs a long job (an export, a file check) under the id the renderer gave it, so `jobs.cancel` can
 * stop it while this call is still out. However the work ends, the job is forgotten; a cancelled one
 * answers CONFLICT with `cancelled`, whatever the work threw when its signal aborted.
 */
export async function runJob<T>(ctx: Pick<HandlerContext, 'jobs'>, jobId: string, cancelled: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = ctx.jobs.start(jobId);
  try {
    return await work(signal);
  } catch (error) {
    if (signal.aborted) throw new ContractFailure('CONFLICT', cancelled);
    throw error;
  } finally {
    ctx.jobs.finish(jobId);
  }
}
