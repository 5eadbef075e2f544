import packageJson from '../../package.json';
import type { MethodName } from '../../shared/contract';
import { fail } from '../../shared/contract';
import type { CoreEvent } from '../../shared/contract/events';
import type { CoreHandle, CoreOptions } from './core-types';
import { allHandlers } from './dispatch/all-handlers';
import { createDispatcher } from './dispatch/dispatcher';
import type { HandlerContext } from './dispatch/handler-types';
import { clockToday, type CoreRuntime } from './runtime/core-runtime';
import { StoreSession } from './runtime/store-session';
import { seedSandboxIfEmpty } from './services/sandbox/seed-sandbox';
import { errorCode } from './store/open-store';

/** The methods that explain and repair a store that is not ready; every other one waits for it. */
const storeRepairMethods: ReadonlySet<MethodName> = new Set(['app.status', 'app.startFresh']);

export interface InProcessCoreOptions extends Omit<CoreOptions, 'workerPath'> {
  /** Check every answer against the contract's output schema (default: on under Vitest). */
  validateOutput?: boolean;
  log?(message: string): void;
}

/**
 * The core in the calling thread: store, services and dispatcher. The worker entry wraps exactly
 * this; tests and benchmarks use it directly without a built bundle.
 */
export function createCore(options: InProcessCoreOptions): CoreHandle & { readonly runtime: CoreRuntime } {
  const listeners = new Set<(event: CoreEvent) => void>();
  const log = options.log ?? ((message: string) => console.error(message));
  const publish = (event: CoreEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`[core] an event listener failed: ${error instanceof Error ? error.name : typeof error}`);
      }
    }
  };

  const session = new StoreSession({
    dataDir: options.dataDir,
    encryptionKey: options.encryptionKey,
    nativeBinding: options.nativeBinding,
    onStateChange: (store) => publish({ type: 'store.state', store }),
  });
  const today = clockToday(options.today);
  const now = () => new Date().toISOString();
  const runtime: CoreRuntime = {
    session,
    mode: options.sandbox === false ? 'remote' : 'sandbox',
    appVersion: packageJson.version,
    today,
    now,
    seedIfEmpty: () => {
      const store = session.store;
      if (store !== null && options.sandbox !== false) seedSandboxIfEmpty(store, today(), now());
    },
  };
  session.open();
  try {
    runtime.seedIfEmpty();
  } catch (error) {
    // The seeding transaction rolled back: start with an empty store rather than no core at all.
    log(`[core] the sandbox could not be loaded: ${error instanceof Error ? error.name : typeof error}`);
  }

  let closed = false;
  const dispatcher = createDispatcher({
    handlers: allHandlers,
    validateOutput: options.validateOutput ?? process.env.VITEST === 'true',
    log,
    publish,
    blocked: (method) => {
      if (closed) return 'GroupDesk is shutting down.';
      const state = session.state;
      if (state.state === 'ready' || storeRepairMethods.has(method)) return null;
      return `The local database is not usable (${state.state}): ${state.state === 'too_new' ? `it has schema version ${state.fileVersion}, this app knows ${state.appVersion}` : state.detail}`;
    },
    context: (emit): HandlerContext => ({
      get store() {
        const store = session.store;
        if (store === null) throw new Error('The store is not open');
        return store;
      },
      runtime,
      today,
      now,
      emit,
    }),
    onUnexpectedError: (error) => {
      // A file damaged under a running app: stop using it and let the user choose, as at start-up.
      if (/^SQLITE_(CORRUPT|NOTADB)/.test(errorCode(error))) session.markCorrupt(`The database reported damage while reading (${errorCode(error)}).`);
    },
  });

  return {
    runtime,
    call: (method, input) => (closed ? Promise.resolve(fail('INTERNAL', 'GroupDesk is shutting down.')) : dispatcher.dispatch(method, input)),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (!closed) {
        closed = true;
        session.close();
        listeners.clear();
      }
      return Promise.resolve();
    },
  };
}
