import type { Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { KeyHolder } from '@shared/contract/methods/app';

/**
 * The core as the hosts see it: the one module of electron/core that electron/host, electron/main and
 * electron/web import (types only, so no core code is bundled into a host). The core itself runs in
 * the worker thread that electron/host/start-core.ts starts from out/core/worker.cjs.
 */
export type { CoreHandle, CoreOptions } from './core-types';

/** What the host hands the worker at start (structured-cloned: the key arrives as a Uint8Array). */
export interface CoreWorkerData {
  dataDir: string;
  encryptionKey: Uint8Array;
  keyHolder?: KeyHolder;
  nativeBinding?: string;
  sandbox?: boolean;
  sandboxWorkerPath?: string;
  planService?: { url: string; token: string };
  today?: string;
  demo?: boolean;
}

export type HostToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

export type WorkerToHost = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: CoreEvent } | { type: 'closed' };
