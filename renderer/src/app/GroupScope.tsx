import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useRouter } from '@tanstack/react-router';
import type { GroupSummary } from '@shared/contract/methods/groups';
import { useGroupStore } from '../state/group-store';
import { useAnnouncer } from '../state/announcer';
import { GroupSwitchContext, type LeftBehind, type OnGroupSwitch } from '../state/group-switch';
import { SkeletonBlock } from '../components/Skeleton';
import { landingAfterSwitch, switchAnnouncement } from './group-switch-landing';

interface Props {
  groups: readonly GroupSummary[];
  children: ReactNode;
}

/**
 * The group-scoped screens, shown for one group at a time. When the user switches groups, nothing of
 * the group left stays on screen: the screen is held back at once (before it could ask the new group
 * for the old group's member or invoice), its unfinished work is kept or described, the route gives way
 * to its list in the new group (or to where the switch was asked to go), and the switch is announced.
 */
export function GroupScope({ groups, children }: Props) {
  const router = useRouter();
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const announce = useAnnouncer((s) => s.announceContext);
  const [shown, setShown] = useState(groupNumber);
  const onSwitch = useRef(new Set<OnGroupSwitch>());
  const leftBehind = useRef<Promise<LeftBehind[]>>(Promise.resolve([]));
  const registry = useMemo(
    () => ({
      register: (listener: OnGroupSwitch) => {
        onSwitch.current.add(listener);
        return () => void onSwitch.current.delete(listener);
      },
    }),
    [],
  );

  // Subscribed outside React: the store calls this within the switch itself, while the screens being
  // left are still mounted with their own group, so a wizard saves its draft to the group it belongs to.
  useEffect(
    () =>
      useGroupStore.subscribe((state, previous) => {
        if (state.groupNumber === previous.groupNumber) return;
        const now = Promise.all([...onSwitch.current].map((listener) => listener()));
        // A second switch before the first has landed adds to what the first left behind.
        const before = leftBehind.current;
        leftBehind.current = Promise.all([before, now]).then(([earlier, later]) => [...earlier, ...later.filter((item) => item !== null)]);
      }),
    [],
  );

  useEffect(() => {
    if (shown === groupNumber || groupNumber === null) return;
    let current = true;
    const { landing } = useGroupStore.getState();
    const { pathname, search } = router.state.location;
    const target = landingAfterSwitch(pathname, search);
    void (async () => {
      const left = await leftBehind.current;
      if (!current) return;
      if (landing !== null) await router.navigate({ href: landing });
      else if (target.path !== null) await router.navigate({ to: target.path });
      if (!current) return;
      leftBehind.current = Promise.resolve([]);
      const from = groups.find((g) => g.groupNumber === shown) ?? { name: 'the previous group', groupNumber: shown ?? '' };
      const to = groups.find((g) => g.groupNumber === groupNumber) ?? { name: 'the chosen group', groupNumber };
      announce(switchAnnouncement(from, to, landing === null ? target.shows : null, left));
      setShown(groupNumber);
    })();
    return () => {
      current = false;
    };
  }, [groupNumber, shown, groups, router, announce]);

  if (shown !== groupNumber) {
    const to = groups.find((g) => g.groupNumber === groupNumber);
    return <SkeletonBlock label={`Switching to ${to?.name ?? 'the chosen group'}…`} lines={4} />;
  }
  return <GroupSwitchContext.Provider value={registry}>{children}</GroupSwitchContext.Provider>;
}
