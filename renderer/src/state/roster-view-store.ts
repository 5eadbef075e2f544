import { create } from 'zustand';
import type { MemberStatus, Relationship } from '@shared/contract/schemas/member';
import type { RosterSortColumn } from '@shared/contract/methods/members';

export interface RosterSort {
  by: RosterSortColumn;
  dir: 'asc' | 'desc';
}

export interface RosterFilters {
  statuses: MemberStatus[];
  planCodes: string[];
  relationships: Relationship[];
}

/** Current coverage plus coverage about to start: what an administrator works with day to day. */
export const defaultStatuses: MemberStatus[] = ['active', 'pending'];

interface RosterViewState {
  query: string;
  filters: RosterFilters;
  sort: RosterSort;
  /** Row that holds the keyboard focus, and the scroll position: kept so "back to roster" lands where the user was. */
  activeIndex: number;
  scrollTop: number;
  /** Set when a member is opened from the roster, so coming back puts the keyboard focus on that row again. */
  returnFocus: boolean;
  setQuery: (query: string) => void;
  setFilters: (filters: Partial<RosterFilters>) => void;
  toggleSort: (by: RosterSortColumn) => void;
  setActiveIndex: (index: number) => void;
  setScrollTop: (top: number) => void;
  setReturnFocus: (returnFocus: boolean) => void;
  /** A new group has other plans: drop the plan filter and start at the top. */
  resetForGroup: () => void;
}

const top = { activeIndex: 0, scrollTop: 0 };

export const useRosterView = create<RosterViewState>((set) => ({
  query: '',
  filters: { statuses: defaultStatuses, planCodes: [], relationships: [] },
  sort: { by: 'lastName', dir: 'asc' },
  ...top,
  returnFocus: false,
  setQuery: (query) => set({ query, ...top }),
  setFilters: (filters) => set((s) => ({ filters: { ...s.filters, ...filters }, ...top })),
  toggleSort: (by) =>
    set((s) => ({ sort: { by, dir: s.sort.by === by && s.sort.dir === 'asc' ? 'desc' : 'asc' }, ...top })),
  setActiveIndex: (activeIndex) => set({ activeIndex }),
  setScrollTop: (scrollTop) => set({ scrollTop }),
  setReturnFocus: (returnFocus) => set({ returnFocus }),
  resetForGroup: () => set((s) => ({ filters: { ...s.filters, planCodes: [] }, ...top })),
}));
