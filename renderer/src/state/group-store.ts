import { create } from 'zustand';

const storageKey = 'groupdesk.currentGroup';

function remembered(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

interface GroupState {
  /** The group every screen shows; remembered across launches. */
  groupNumber: string | null;
  /**
   * Where the switch to `groupNumber` goes (a notification's record in that group), or null: each
   * screen then gives way to its own list of the new group.
   */
  landing: string | null;
  setGroup: (groupNumber: string, landing?: string) => void;
}

export const useGroupStore = create<GroupState>((set) => ({
  groupNumber: remembered(),
  landing: null,
  setGroup: (groupNumber, landing) => {
    try {
      localStorage.setItem(storageKey, groupNumber);
    } catch {
      // Storage can be disabled by policy; the choice then lasts for this session only.
    }
    set({ groupNumber, landing: landing ?? null });
  },
}));
