import { z } from 'zod';

/**
 * The embedded sandbox plan service's worker thread and its parent (the core) talk in these
 * messages. The parent spawns out/sandbox/worker.mjs with `workerData`, waits for `ready` (or
 * `failed`), and posts `close` when it shuts down; the worker then exits 0.
 */
export const sandboxWorkerData = z.object({
  /** The app's data folder; the service lives in `<dataDir>/plan-service`. */
  dataDir: z.string().min(1),
  /** YYYY-MM-DD the sandbox data set is dated from, for tests. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type SandboxWorkerData = z.infer<typeof sandboxWorkerData>;

export type SandboxToParent = { type: 'ready'; url: string; token: string } | { type: 'failed'; message: string };
export type ParentToSandbox = { type: 'close' };
