import { create } from 'zustand';

interface Announcement {
  message: string;
  /** Bumped on every announcement so repeating the same words is still read out. */
  serial: number;
}

interface AnnouncerState extends Announcement {
  announce: (message: string) => void;
  /** The latest change of context the user did not ask the page for (a group switch moved them). */
  context: Announcement;
  announceContext: (message: string) => void;
}

/**
 * Polite live regions: one for results of async work (search counts, loads, failures), one for changes
 * of context. They are apart so that the new page's own load announcement, which follows a group switch
 * at once, does not replace the words saying where the switch took the user.
 */
export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  serial: 0,
  announce: (message) => set((s) => ({ message, serial: s.serial + 1 })),
  context: { message: '', serial: 0 },
  announceContext: (message) => set((s) => ({ context: { message, serial: s.context.serial + 1 } })),
}));
