import type { Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { KeyHolder } from '@shared/contract/methods/app';

export interface CoreOptions {
  dataDir: string;
  /** 32 bytes; encrypts SSNs, bank account numbers and the session token at rest. */
  encryptionKey: Buffer;
  /** Which app holds the key, so a store written under the other app's key names it (store/key-check.ts). */
  keyHolder?: KeyHolder;
  /** Absolute path of better_sqlite3.node, resolved by the host: never relative to the cwd, unpacked from app.asar. */
  nativeBinding?: string;
  /** Default: out/core/worker.cjs of the project found from the working directory. */
  workerPath?: string;
  /**
   * Follow this plan service with this session token (tests, benchmarks, a core in a child
   * process): no sandbox worker, no settings written.
   */
  planService?: { url: string; token: string };
  /** Spawn the embedded sandbox plan service when no remote service is configured. Default true. */
  sandbox?: boolean;
  /** The sandbox worker bundle. Default: `<dir of the core worker bundle>/../sandbox/worker.mjs`. */
  sandboxWorkerPath?: string;
  /** Fixes "today" (YYYY-MM-DD) for tests (the core's and the sandbox data set's). */
  today?: string;
  /** Start with the demo data: Welcome counts as done (the web host's `--demo`, the e2e fixtures). */
  demo?: boolean;
}

export interface CoreHandle {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Returns the function that unsubscribes this listener. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Stops syncing (in-flight requests aborted), stops the sandbox service, checkpoints and closes the store; calls after this answer INTERNAL. */
  close(): Promise<void>;
}
