import { create } from 'zustand';
import type { CoreEvent, Result } from '@shared/contract';
import type { AppStatus, StoreState } from '@shared/contract/methods/app';
import type { SessionInfo, SyncStatus } from '@shared/contract/methods/sync';

type SyncEvent = Extract<CoreEvent, { type: 'sync.status' }>;

interface StatusState {
  app: AppStatus | null;
  sync: SyncStatus | null;
  /** Who is signed in where; asked for at start and whenever the mode or sign-in state changes. */
  session: SessionInfo | null;
  /** False after a call came back OFFLINE, true again after any answer from the core. */
  reachable: boolean;
  setApp: (app: AppStatus) => void;
  setStore: (store: StoreState) => void;
  /** From a `sync.status` event or a `sync.status` / `sync.now` answer; an older revision than the one held is dropped. */
  setSync: (sync: SyncStatus | SyncEvent) => void;
  /** Keeps the session with the highest revision: an older answer arriving late is dropped. */
  setSession: (session: SessionInfo) => void;
  noteResult: (result: Result<unknown>) => void;
}

/** What the status bar, the shell and the store-problem view show; fed by `app.status`, `sync.status`, `session.get` and core events. */
export const useStatusStore = create<StatusState>((set) => ({
  app: null,
  sync: null,
  session: null,
  reachable: true,
  setApp: (app) => set({ app, reachable: true }),
  setStore: (store) => set((s) => (s.app ? { app: { ...s.app, store } } : s)),
  setSync: (sync) => {
    const { mode, state, online, lastSyncAt, pending, rejected, progress, message, nextAttemptAt, revision } = sync;
    set((s) => (s.sync !== null && revision < s.sync.revision ? s : { sync: { mode, state, online, lastSyncAt, pending, rejected, progress, message, nextAttemptAt, revision } }));
  },
  setSession: (session) => set((s) => (s.session !== null && session.revision < s.session.revision ? s : { session })),
  noteResult: (result) => {
    const reachable = result.ok || result.error.code !== 'OFFLINE';
    set((s) => (s.reachable === reachable ? s : { reachable }));
  },
}));
