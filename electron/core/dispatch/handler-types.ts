import type { MethodName, MethodOutput, ParsedInput } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { StoreState } from '@shared/contract/methods/app';
import type { SessionInfo, SyncStatus } from '@shared/contract/methods/sync';
import type { PlanClients } from '../session/plan-clients';
import type { SessionState } from '../session/session-state';
import type { Store } from '../store/store';

/**
 * The ports a handler receives instead of the whole core: each is the narrowest view of one part.
 * The lower layers (store, outbox, session, plan-service) are imported directly; sync and the store's
 * lifecycle sit above the handlers and are reached only through these interfaces, which core.ts fills.
 */

/** Switching plan services and signing in or out (sync/plan-connection.ts). */
export interface ConnectionPort {
  signIn(store: Store, input: { serviceUrl: string; userId: string; password: string; discardPending: boolean }): Promise<SessionInfo>;
  /** The second step of a sign-in waiting for it (two-step sign-in). */
  completeSignIn(store: Store, input: { code?: string | undefined; recoveryCode?: string | undefined; rememberDevice: boolean }): Promise<SessionInfo>;
  signOut(store: Store): Promise<SessionInfo>;
  useSandbox(store: Store, discardPending: boolean): Promise<SessionInfo>;
  /** Follows the configured service again from scratch (a fresh store). */
  restart(): void;
}

/** The sync engine as handlers see it (sync/sync-engine.ts). */
export interface SyncPort {
  status(): SyncStatus;
  /** `sync.now`: forget the back-off and run a full sync at once. */
  syncNow(): SyncStatus;
  /** Sends the outbox now and republishes its counts: after committing a submit or a cancel. */
  requestSync(): void;
  /** Re-reads who the user is and what they may see now (after an access code, a sign-up, a decision). */
  refreshAccount(): void;
}

/** The app itself: its version and the store's lifecycle (runtime/store-session.ts). */
export interface AppPort {
  readonly version: string;
  storeState(): StoreState;
  /** Sets an unusable store aside and opens a fresh one. */
  startFresh(now: Date): { movedTo: string; store: StoreState };
}

/** The data folder's `files/` (files/file-store.ts): files written for a host to save, or received from one. */
export interface FilesPort {
  writeNew(write: (temporaryPath: string) => Promise<void>): Promise<{ fileId: string; path: string; bytes: number }>;
  /** A file a host received, by its id (NOT_FOUND when it is gone). */
  pathOf(fileId: string): string;
}

/** Long jobs the renderer can follow and cancel by id (runtime/job-registry.ts). */
export interface JobsPort {
  start(jobId: string): AbortSignal;
  finish(jobId: string): void;
  cancel(jobId: string): boolean;
}

export interface HandlerContext {
  /** The open store; the dispatcher runs no data method unless the store is ready. */
  readonly store: Store;
  /** Who acts, their roles, the screen lock's state and the session the windows show. */
  readonly session: SessionState;
  /** Plan-service clients for calls made on the user's behalf. */
  readonly clients: PlanClients;
  readonly connection: ConnectionPort;
  readonly sync: SyncPort;
  readonly app: AppPort;
  readonly files: FilesPort;
  readonly jobs: JobsPort;
  /** Today's date where the user is (or the date a test fixed). */
  today(): string;
  /** Now as an ISO UTC instant. */
  now(): string;
  /** Queues an event; it is delivered only if the handler succeeds, after its transaction committed. */
  emit(event: CoreEvent): void;
  /**
   * Delivers an event at once, for a change that stands although the call reporting it fails (the
   * fifth wrong password at the lock signs out, then answers AUTH). Otherwise handlers use `emit`.
   */
  publish(event: CoreEvent): void;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method: a missing one is a type error where the map is assembled. */
export type HandlerMap = { [M in MethodName]: Handler<M> };

/** The handlers of one domain, with each handler's input and output typed by its method name. */
export function handlers<K extends MethodName>(group: { [M in K]: Handler<M> }): { [M in K]: Handler<M> } {
  return group;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges domain handler groups; a method registered twice throws (spreading would silently keep the last). */
export function combineHandlers<const T extends readonly object[]>(...groups: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Handler for ${name} is registered twice`);
      merged[name] = handler;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
