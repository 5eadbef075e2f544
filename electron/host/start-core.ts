import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { CoreHandle, CoreOptions, CoreWorkerData, HostToWorker, WorkerToHost } from '../core/host-entry';

export type { CoreHandle, CoreOptions } from '../core/host-entry';

/** How long close() waits for the worker to checkpoint and exit before terminating it. */
const closeTimeoutMs = 10_000;

/**
 * Starts the core in a worker thread (both hosts use this). Calls are answered in Result form even
 * when the worker dies: pending ones resolve INTERNAL rather than hang, and so does every later call.
 */
export function startCore(options: CoreOptions): CoreHandle {
  const workerData: CoreWorkerData = {
    dataDir: options.dataDir,
    encryptionKey: new Uint8Array(options.encryptionKey),
    ...(options.keyHolder === undefined ? {} : { keyHolder: options.keyHolder }),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
    ...(options.planService === undefined ? {} : { planService: options.planService }),
    ...(options.today === undefined ? {} : { today: options.today }),
    ...(options.demo === undefined ? {} : { demo: options.demo }),
  };
  const workerPath = options.workerPath ?? defaultWorkerPath();
  // The embedded sandbox service's bundle sits next to the core's (out/sandbox beside out/core).
  workerData.sandboxWorkerPath = options.sandboxWorkerPath ?? path.join(path.dirname(workerPath), '..', 'sandbox', 'worker.mjs');
  const worker = new Worker(workerPath, { workerData });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: CoreEvent) => void>();
  let nextId = 1;
  let stopped: string | null = null;
  let closing: Promise<void> | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const stop = (reason: string) => {
    stopped ??= reason;
    for (const resolve of pending.values()) resolve(fail('INTERNAL', stopped));
    pending.clear();
  };

  worker.on('message', (message: WorkerToHost) => {
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message.event);
    }
  });
  // An unhandled 'error' event would throw in the host's main thread.
  worker.on('error', (error) => {
    console.error(`[core] the worker failed: ${error.name}: ${error.message.slice(0, 300)}`);
    stop('The GroupDesk core stopped unexpectedly. Restart the app; your saved data is safe.');
  });
  worker.on('exit', (code) => stop(closing !== null ? 'GroupDesk is shutting down.' : `The GroupDesk core stopped (exit code ${code}). Restart the app; your saved data is safe.`));

  return {
    call(method, input) {
      if (stopped !== null || closing !== null) return Promise.resolve(fail('INTERNAL', stopped ?? 'GroupDesk is shutting down.'));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          worker.postMessage({ type: 'call', id, method, input } satisfies HostToWorker);
        } catch {
          pending.delete(id);
          resolve(fail('VALIDATION', 'The input must be plain data (objects, arrays, strings, numbers, booleans).'));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closing ??= (async () => {
        if (stopped === null) {
          worker.postMessage({ type: 'close' } satisfies HostToWorker);
          const timer = setTimeout(() => void worker.terminate(), closeTimeoutMs);
          await exited;
          clearTimeout(timer);
        }
        listeners.clear();
      })();
      return closing;
    },
  };
}

/** out/core/worker.cjs of the GroupDesk project that contains the working directory. */
function defaultWorkerPath(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'groupdesk') return path.join(dir, 'out', 'core', 'worker.cjs');
    if (path.dirname(dir) === dir) throw new Error('Cannot find the GroupDesk project from the working directory; pass workerPath to startCore.');
  }
}
