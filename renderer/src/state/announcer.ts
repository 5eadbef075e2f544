import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Bumped on every announcement so repeating the same words is still read out. */
  serial: number;
  announce: (message: string) => void;
}

/** One polite live region for results of async work (search counts, loads, failures). */
export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  serial: 0,
  announce: (message) => set((s) => ({ message, serial: s.serial + 1 })),
}));
