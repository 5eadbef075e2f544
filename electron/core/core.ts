import path from 'node:path';
import packageJson from '../../package.json';
import type { MethodName } from '@shared/contract';
import { fail } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { CoreHandle, CoreOptions } from './core-types';
import { allHandlers } from './services/all-handlers';
import { createDispatcher } from './dispatch/dispatcher';
import { checkGroupPermission } from './dispatch/group-permission';
import type { AppPort, ConnectionPort, HandlerContext, SyncPort } from './dispatch/handler-types';
import { FileStore } from './files/file-store';
import { clockToday } from './runtime/clock';
import { JobRegistry } from './runtime/job-registry';
import { StoreSession } from './runtime/store-session';
import { errorCode } from './store/open-store';
import { statement } from './store/statements';
import { PlanConnection } from './sync/plan-connection';

const FILES_KEPT_MS = 24 * 60 * 60 * 1000;

/** The methods that explain and repair a store that is not ready; every other one waits for it. */
const storeRepairMethods: ReadonlySet<MethodName> = new Set(['app.status', 'app.startFresh']);

export interface InProcessCoreOptions extends Omit<CoreOptions, 'workerPath'> {
  /** Check every answer against the contract's output schema (default: on under Vitest). */
  validateOutput?: boolean;
  log?(message: string): void;
  /** The HTTP client the sync uses (tests that cut the network). */
  fetch?: typeof fetch;
  /** Change-feed page size (tests that make a small group span many pages). */
  syncPageSize?: number;
  /** How long the core waits for each answer of the plan service, syncing or not (tests that delay answers past it). */
  planTimeoutMs?: number;
  /**
   * The clock (ISO instants). Tests give the one their plan service runs on: the core orders its own
   * writes against the service's by time, so the two must agree.
   */
  now?: () => string;
}

/**
 * The core in the calling thread: store, services, sync and dispatcher. The worker entry wraps
 * exactly this; tests, benchmarks and child processes use it directly without a built bundle.
 */
export function createCore(options: InProcessCoreOptions): CoreHandle & { readonly storeSession: StoreSession } {
  const listeners = new Set<(event: CoreEvent) => void>();
  const log = options.log ?? ((message: string) => console.error(message));
  // Every full sync re-announces the session; windows hear of it only when it changed.
  let lastSession = '';
  const publish = (event: CoreEvent) => {
    if (event.type === 'session.changed') {
      const { revision: _revision, ...session } = event.session;
      const text = JSON.stringify(session);
      if (text === lastSession) return;
      lastSession = text;
    }
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`[core] an event listener failed: ${error instanceof Error ? error.name : typeof error}`);
      }
    }
  };

  const now = options.now ?? (() => new Date().toISOString());
  const session = new StoreSession({
    dataDir: options.dataDir,
    encryptionKey: options.encryptionKey,
    nativeBinding: options.nativeBinding,
    keyHolder: options.keyHolder,
    now,
    onStateChange: (store) => publish({ type: 'store.state', store }),
  });
  const today = clockToday(options.today);
  session.open();
  const plan = new PlanConnection({
    store: () => session.store,
    publish,
    log,
    now,
    today,
    dataDir: options.dataDir,
    ...(options.planService === undefined ? {} : { planService: options.planService }),
    sandbox: options.sandbox !== false,
    demo: options.demo === true,
    sandboxWorkerPath: options.sandboxWorkerPath ?? defaultSandboxWorkerPath(),
    ...(options.today === undefined ? {} : { sandboxToday: options.today }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.syncPageSize === undefined ? {} : { pageSize: options.syncPageSize }),
    ...(options.planTimeoutMs === undefined ? {} : { timeoutMs: options.planTimeoutMs }),
  });
  const sync: SyncPort = {
    status: () => plan.engine.status(),
    syncNow: () => plan.engine.syncNow(),
    requestSync: () => {
      plan.engine.refresh();
      plan.engine.requestSync();
    },
    refreshAccount: () => plan.refreshAccount(),
  };
  const app: AppPort = {
    version: packageJson.version,
    storeState: () => session.state,
    startFresh: (at) => session.startFresh(at),
  };
  const connection: ConnectionPort = {
    signIn: (store, input) => plan.signIn(store, input),
    completeSignIn: (store, input) => plan.completeSignIn(store, input),
    signOut: (store) => plan.signOut(store),
    useSandbox: (store, discardPending) => plan.useSandbox(store, discardPending),
    restart: () => plan.start(),
  };
  plan.start();
  const files = new FileStore(options.dataDir);
  // Exports are saved and imports read within minutes; a day-old file is one a window closed on.
  files.sweep(new Date(now()), FILES_KEPT_MS);
  const jobs = new JobRegistry();

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
    locked: () => session.store !== null && plan.session.locked(session.store),
    // The replica stays readable offline and while the sandbox starts: roles are the local copy's.
    authorize: (method, input) => {
      const store = session.store;
      if (store === null) return null;
      return checkGroupPermission(method, input, (groupNumber) =>
        statement(store.db, 'SELECT EXISTS (SELECT 1 FROM groups WHERE group_number = ?)').pluck().get(groupNumber) === 1 ? plan.session.roleIn(store, groupNumber) : undefined,
      );
    },
    context: (emit): HandlerContext => ({
      get store() {
        const store = session.store;
        if (store === null) throw new Error('The store is not open');
        return store;
      },
      session: plan.session,
      clients: plan.clients,
      connection,
      sync,
      app,
      files,
      jobs,
      today,
      now,
      emit,
      publish,
    }),
    // A role given since sign-in that requires two-step sign-in: the session is limited from now on.
    onRefused: (failure) => {
      if (failure.code === 'TWO_FACTOR_REQUIRED') plan.twoFactorRequired();
    },
    onUnexpectedError: (error) => {
      // A file damaged under a running app: stop using it and let the user choose, as at start-up.
      if (/^SQLITE_(CORRUPT|NOTADB)/.test(errorCode(error))) session.markCorrupt(`The database reported damage while reading (${errorCode(error)}).`);
    },
  });

  let closing: Promise<void> | null = null;
  return {
    storeSession: session,
    call: (method, input) => (closed ? Promise.resolve(fail('INTERNAL', 'GroupDesk is shutting down.')) : dispatcher.dispatch(method, input)),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closing ??= (async () => {
        closed = true;
        jobs.cancelAll();
        // In-flight requests are aborted and the sandbox service closes before the store does.
        await plan.close();
        session.close();
        listeners.clear();
      })();
      return closing;
    },
  };
}

/**
 * `<dir of the core worker bundle>/../sandbox/worker.mjs`: out/sandbox next to out/core when the
 * core runs from its bundle; from the sources (tests), the project's out/sandbox.
 */
function defaultSandboxWorkerPath(): string {
  const bundled = typeof __dirname === 'string' && path.basename(__dirname) === 'core' && path.basename(path.dirname(__dirname)) === 'out';
  return bundled ? path.join(__dirname, '..', 'sandbox', 'worker.mjs') : path.resolve(process.cwd(), 'out', 'sandbox', 'worker.mjs');
}
