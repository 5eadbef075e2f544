import { create } from 'zustand';
import type { TransactionStatus } from '../../../shared/contract/schemas/transaction';

export type ActivityTab = 'all' | TransactionStatus;

interface ActivityViewState {
  /** The Activity tab; set from outside too (the status bar's "rejected" link opens the Rejected tab). */
  tab: ActivityTab;
  page: number;
  setTab: (tab: ActivityTab) => void;
  setPage: (page: number) => void;
}

export const useActivityView = create<ActivityViewState>((set) => ({
  tab: 'all',
  page: 0,
  setTab: (tab) => set({ tab, page: 0 }),
  setPage: (page) => set({ page }),
}));
