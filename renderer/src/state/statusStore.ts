import { create } from 'zustand';
import type { CoreEvent, Result } from '../../../shared/contract';
import type { AppStatus, StoreState } from '../../../shared/contract/methods/app';

type SyncEvent = Extract<CoreEvent, { type: 'sync.status' }>;

interface StatusState {
  app: AppStatus | null;
  sync: Omit<SyncEvent, 'type'> | null;
  /** False after a call came back OFFLINE, true again after any answer from the core. */
  reachable: boolean;
  setApp: (app: AppStatus) => void;
  setStore: (store: StoreState) => void;
  setSync: (sync: SyncEvent) => void;
  noteResult: (result: Result<unknown>) => void;
}

/** What the status bar and the store-problem view show; fed by `app.status` and core events. */
export const useStatusStore = create<StatusState>((set) => ({
  app: null,
  sync: null,
  reachable: true,
  setApp: (app) => set({ app, reachable: true }),
  setStore: (store) => set((s) => (s.app ? { app: { ...s.app, store } } : s)),
  setSync: ({ online, lastSyncAt, pending, rejected }) => set({ sync: { online, lastSyncAt, pending, rejected } }),
  noteResult: (result) => {
    const reachable = result.ok || result.error.code !== 'OFFLINE';
    set((s) => (s.reachable === reachable ? s : { reachable }));
  },
}));
