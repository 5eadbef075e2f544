import { create } from 'zustand';
import type { RosterRow } from '@shared/contract/schemas/member';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';

/**
 * Bulk actions take at most this many members at once (`bulkAction` allows 1,000 terminations; an
 * ID-card request takes 500 and its dialog says so).
 */
export const maxSelection = 1000;

/** A member enrolled offline has no plan ID yet, so no plan transaction can name it. */
export const isSelectable = (row: RosterRow) => !isProvisionalMemberId(row.memberId);

interface SelectionState {
  /** The group the selection belongs to: switching groups starts empty. */
  groupNumber: string | null;
  /** Selected rows by member ID, in the order they were picked (kept across searches, so a user can search name after name and tick each). */
  rows: ReadonlyMap<string, RosterRow>;
  /** Where a Shift+click or Shift+Space range starts: a row index in the list identified by `listKey`. */
  anchor: { listKey: string; index: number } | null;
  /** Set by "select all matching": the list that was selected whole, until the selection changes. */
  allOf: string | null;
  forGroup: (groupNumber: string) => void;
  toggle: (row: RosterRow, listKey: string, index: number) => void;
  /** Selects every row given (a range or all matching), up to `maxSelection` in total. */
  add: (rows: readonly RosterRow[], listKey: string, anchorIndex?: number) => void;
  markAllOf: (listKey: string) => void;
  clear: () => void;
}

export const useRosterSelection = create<SelectionState>((set) => ({
  groupNumber: null,
  rows: new Map(),
  anchor: null,
  allOf: null,
  forGroup: (groupNumber) => set((s) => (s.groupNumber === groupNumber ? s : { groupNumber, rows: new Map(), anchor: null, allOf: null })),
  toggle: (row, listKey, index) =>
    set((s) => {
      if (!isSelectable(row)) return s;
      const rows = new Map(s.rows);
      if (rows.has(row.memberId)) rows.delete(row.memberId);
      else if (rows.size < maxSelection) rows.set(row.memberId, row);
      return { rows, anchor: { listKey, index }, allOf: null };
    }),
  add: (picked, listKey, anchorIndex) =>
    set((s) => {
      const rows = new Map(s.rows);
      for (const row of picked) {
        if (rows.size >= maxSelection) break;
        if (isSelectable(row)) rows.set(row.memberId, row);
      }
      return { rows, anchor: anchorIndex === undefined ? s.anchor : { listKey, index: anchorIndex }, allOf: null };
    }),
  markAllOf: (allOf) => set({ allOf }),
  clear: () => set({ rows: new Map(), anchor: null, allOf: null }),
}));
