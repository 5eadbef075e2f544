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
  setGroup: (groupNumber: string) => void;
}

export const useGroupStore = create<GroupState>((set) => ({
  groupNumber: remembered(),
  setGroup: (groupNumber) => {
    try {
      localStorage.setItem(storageKey, groupNumber);
    } catch {
      // Storage can be disabled by policy; the choice then lasts for this session only.
    }
    set({ groupNumber });
  },
}));
