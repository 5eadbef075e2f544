import type { Result } from '../../shared/contract';
import type { CoreEvent } from '../../shared/contract/events';

export interface CoreOptions {
  dataDir: string;
  /** 32 bytes; encrypts SSNs and bank account numbers at rest. */
  encryptionKey: Buffer;
  /** Absolute path of better_sqlite3.node (electron-host.md §3.3). */
  nativeBinding?: string;
  /** Default: out/core/worker.cjs of the project found from the working directory. */
  workerPath?: string;
  /** Seed the sandbox data set into an empty store. Default true. */
  sandbox?: boolean;
  /** Fixes "today" (YYYY-MM-DD) for tests. */
  today?: string;
}

export interface CoreHandle {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Returns the function that unsubscribes this listener. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Checkpoints and closes the store; calls after this answer INTERNAL. */
  close(): Promise<void>;
}
