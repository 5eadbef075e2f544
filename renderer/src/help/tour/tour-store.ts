import { z } from 'zod';
import { create } from 'zustand';

/**
 * Which guided tour runs, at which step, and where each left tour stopped: per user (the demo is a
 * user of its own), kept in the renderer's local storage so a restart resumes where the user left.
 * The storage is read through a schema: anything else in it (an older shape, a hand edit) counts as no tour.
 */
const storageKey = 'groupdesk.tours';

const position = z.object({
  tutorialId: z.string().min(1).max(60),
  step: z.number().int().nonnegative(),
  /** A resumed tour's step: the tour jumps to it as soon as its control is on screen. */
  resumeAt: z.number().int().positive().optional(),
});
const userTours = z.object({
  /** The tour on screen; still set after a restart, so it carries on. */
  active: position.nullable(),
  /** Tours left part way: tutorial id → the step to resume at. */
  left: z.record(z.string(), z.number().int().nonnegative()),
});
type UserTours = z.infer<typeof userTours>;
export type TourPosition = z.infer<typeof position>;

const noTours: UserTours = { active: null, left: {} };

function readAll(): Record<string, UserTours> {
  try {
    const parsed = z.record(z.string(), userTours).safeParse(JSON.parse(localStorage.getItem(storageKey) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function writeUser(user: string, tours: UserTours) {
  try {
    localStorage.setItem(storageKey, JSON.stringify({ ...readAll(), [user]: tours }));
  } catch {
    // Storage can be disabled by policy; the tour then lasts for this session only.
  }
}

interface TourState extends UserTours {
  /** Whose tours these are: a user ID, or `demo` for the sandbox. */
  user: string;
  setUser: (user: string) => void;
  /** Starts a tour at `step` (0: the beginning; a left tour's step: resume). */
  start: (tutorialId: string, step?: number) => void;
  goTo: (step: number) => void;
  /** Leaves the tour, remembering the step to resume at. */
  leave: () => void;
  /** The last step is done: nothing to resume. */
  finish: () => void;
}

export const useTourStore = create<TourState>((set, get) => {
  const save = (tours: UserTours) => {
    writeUser(get().user, tours);
    set(tours);
  };
  return {
    ...noTours,
    user: '',
    setUser: (user) => {
      if (user === get().user) return;
      set({ user, ...(readAll()[user] ?? noTours) });
    },
    start: (tutorialId, step = 0) => {
      // Another tour on screen is left where it is, as if the user had left it.
      const previous = get().active;
      const left = previous && previous.tutorialId !== tutorialId ? { ...get().left, [previous.tutorialId]: previous.step } : get().left;
      save({ active: { tutorialId, step, ...(step > 0 ? { resumeAt: step } : {}) }, left });
    },
    goTo: (step) => {
      const active = get().active;
      if (!active) return;
      const resumeAt = active.resumeAt !== undefined && step < active.resumeAt ? active.resumeAt : undefined;
      save({ active: { tutorialId: active.tutorialId, step, ...(resumeAt === undefined ? {} : { resumeAt }) }, left: get().left });
    },
    leave: () => {
      const active = get().active;
      if (active) save({ active: null, left: { ...get().left, [active.tutorialId]: active.step } });
    },
    finish: () => {
      const active = get().active;
      if (!active) return;
      save({ active: null, left: Object.fromEntries(Object.entries(get().left).filter(([id]) => id !== active.tutorialId)) });
    },
  };
});
