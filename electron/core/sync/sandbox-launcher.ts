import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** What the embedded plan service's worker (electron/sandbox/worker.ts) is started with. */
export interface SandboxWorkerData {
  dataDir: string;
  today?: string;
}

const fromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string().url(), token: z.string().min(1) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);

export interface SandboxHandlers {
  ready(connection: { url: string; token: string }): void;
  failed(message: string): void;
}

/** How long stop() waits for the service to close its database before terminating the thread. */
const stopTimeoutMs = 10_000;

/**
 * Runs the embedded sandbox plan service in its own worker thread (its PGlite database and HTTP
 * server would otherwise share the core's event loop with every SQLite write). The core syncs with
 * it over loopback like with any plan service.
 */
export class SandboxLauncher {
  private worker: Worker | null = null;
  private settled = false;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly workerPath: string,
    private readonly data: SandboxWorkerData,
    private readonly handlers: SandboxHandlers,
  ) {}

  start(): void {
    if (this.worker !== null) return;
    let worker: Worker;
    try {
      worker = new Worker(this.workerPath, { workerData: this.data });
    } catch (error) {
      this.handlers.failed(`The sandbox plan service could not start (${error instanceof Error ? error.name : 'unknown error'}).`);
      return;
    }
    this.worker = worker;
    this.settled = false;
    worker.on('message', (message: unknown) => {
      const parsed = fromWorker.safeParse(message);
      if (!parsed.success || this.settled) return;
      this.settled = true;
      if (parsed.data.type === 'ready') this.handlers.ready({ url: parsed.data.url, token: parsed.data.token });
      else this.handlers.failed(`The sandbox plan service could not start: ${parsed.data.message}`);
    });
    worker.on('error', (error) => {
      if (this.stopping !== null) return;
      this.settled = true;
      this.handlers.failed(`The sandbox plan service stopped (${error.name}). Restart the app to start it again.`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (this.stopping !== null || this.settled) {
        if (this.stopping === null && code !== 0) this.handlers.failed(`The sandbox plan service stopped (exit code ${code}). Restart the app to start it again.`);
        return;
      }
      this.settled = true;
      this.handlers.failed(`The sandbox plan service stopped before it was ready (exit code ${code}).`);
    });
  }

  /** Asks the service to close its database and waits for the thread to end. */
  stop(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return Promise.resolve();
    this.stopping ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), stopTimeoutMs);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' });
    }).finally(() => {
      this.stopping = null;
      this.worker = null;
    });
    return this.stopping;
  }
}
