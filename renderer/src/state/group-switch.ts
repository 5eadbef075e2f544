import { createContext, useContext, useEffect, useRef } from 'react';

/** What a screen left by a group switch leaves behind, for the switch's announcement to tell the user. */
export type LeftBehind = { kind: 'draft_saved' } | { kind: 'draft_not_saved'; message: string } | { kind: 'payment_not_sent' };

/** Called when the group changes, while the screen is still on screen with its own group. */
export type OnGroupSwitch = () => Promise<LeftBehind | null> | LeftBehind | null;

interface GroupSwitchRegistry {
  register: (onSwitch: OnGroupSwitch) => () => void;
}

/** Provided by the app's group scope; screens outside it (Settings, Access) never hold group work. */
export const GroupSwitchContext = createContext<GroupSwitchRegistry | null>(null);

/**
 * Lets a screen with unfinished work (a wizard's draft, a payment not yet sent) keep or describe it when
 * the user switches groups: the screen itself is then replaced by the new group's list.
 */
export function useOnGroupSwitch(onSwitch: OnGroupSwitch): void {
  const registry = useContext(GroupSwitchContext);
  const latest = useRef(onSwitch);
  useEffect(() => {
    latest.current = onSwitch;
  });
  useEffect(() => registry?.register(() => latest.current()), [registry]);
}
