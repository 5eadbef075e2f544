import type { Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';

/** What the host hands the worker at start (structured-cloned: the key arrives as a Uint8Array). */
export interface CoreWorkerData {
  dataDir: string;
  encryptionKey: Uint8Array;
  nativeBinding?: string;
  sandbox?: boolean;
  sandboxWorkerPath?: string;
  planService?: { url: string; token: string };
  today?: string;
  demo?: boolean;
}

export type HostToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

export type WorkerToHost = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: CoreEvent } | { type: 'closed' };
