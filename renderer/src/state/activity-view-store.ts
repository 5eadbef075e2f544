import { create } from 'zustand';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';

export type ActivityTab = 'all' | TransactionStatus;

interface ActivityViewState {
  /** The Activity tab; set from outside too (the status bar's "rejected" link opens the Rejected tab). */
  tab: ActivityTab;
  page: number;
  /** The group the page number belongs to: another group starts at its newest changes. */
  pageGroup: string | null;
  setTab: (tab: ActivityTab) => void;
  setPage: (page: number, groupNumber: string) => void;
}

export const useActivityView = create<ActivityViewState>((set) => ({
  tab: 'all',
  page: 0,
  pageGroup: null,
  setTab: (tab) => set({ tab, page: 0 }),
  setPage: (page, pageGroup) => set({ page, pageGroup }),
}));
