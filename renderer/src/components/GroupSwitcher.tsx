import { useId, useRef, useState } from 'react';
import { Popover } from 'radix-ui';
import type { GroupSummary } from '@shared/contract/methods/groups';
import { roleAllows, roleLabels } from '@shared/contract/roles';
import { formatUsd } from '@shared/util/money';
import type { SyncStatus } from '@shared/contract/methods/sync';
import { useGroupStore } from '../state/group-store';
import { useStatusStore } from '../state/status-store';
import { useRosterView } from '../state/roster-view-store';
import { formatCount } from './format';
import { ChevronDownIcon } from './icons';
import { useListboxKeys } from './listbox-keys';

/**
 * `412 members · balance $41,822.50`: with the name and number, what tells one employer from another
 * at a glance. While a sync is bringing a group's roster in, its count is not yet the group's: the
 * switcher says how far the roster has come (or that it is on its way) rather than "0 members".
 */
function groupFigures(g: GroupSummary, sync: SyncStatus | null): string {
  const balance = g.balanceCents === null ? 'no invoice yet' : `balance ${formatUsd(g.balanceCents)}`;
  // A role that may not read members has no roster here to count.
  if (!roleAllows(g.role, 'members.read')) return balance;
  const arriving = sync?.progress?.groupNumber === g.groupNumber ? sync.progress.members : undefined;
  if (arriving !== undefined) return `${formatCount(arriving.received)} of ${formatCount(arriving.total)} members received · ${balance}`;
  if (g.activeMembers === 0 && sync?.state === 'syncing') return `members on their way · ${balance}`;
  return `${formatCount(g.activeMembers)} ${g.activeMembers === 1 ? 'member' : 'members'} · ${balance}`;
}

/**
 * The name on its own line and wrapping, the number and figures below it: a long employer name is never cut.
 * The hidden separator makes it read as one line, `Harbor Logistics Inc. · 100234 · 412 members · …`.
 */
function GroupText({ group }: { group: GroupSummary }) {
  const sync = useStatusStore((s) => s.sync);
  return (
    <span className="group-text">
      <span className="group-text-name">{group.name}</span>
      <span className="visually-hidden"> · </span>
      <span className="group-text-figures">
        {group.groupNumber} · {groupFigures(group, sync)}
      </span>
    </span>
  );
}

/**
 * A button that opens a listbox of the user's groups. A native select cut long names at narrow widths
 * and could show only one line per group; this one wraps each option over lines and still behaves like a
 * select: arrows, Home/End, type-ahead, Enter to choose, Escape to close. The user's role in the chosen
 * group sits beside it, since it decides what the screens offer.
 */
export function GroupSwitcher({ groups }: { groups: GroupSummary[] }) {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const resetForGroup = useRosterView((s) => s.resetForGroup);
  const [open, setOpen] = useState(false);
  const [active, setActiveIndex] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const labelId = `${ids}-label`;
  const listId = `${ids}-list`;
  const optionId = (index: number) => `${ids}-option-${index}`;
  const currentIndex = groups.findIndex((g) => g.groupNumber === groupNumber);
  const current = groups[currentIndex];

  const setActive = (index: number) => {
    setActiveIndex(index);
    // jsdom has no scrollIntoView; every browser does.
    document.getElementById(optionId(index))?.scrollIntoView?.({ block: 'nearest' });
  };
  const choose = (index: number) => {
    const chosen = groups[index];
    setOpen(false);
    if (!chosen || chosen.groupNumber === groupNumber) return;
    resetForGroup();
    setGroup(chosen.groupNumber);
  };
  const onListKeyDown = useListboxKeys({ labels: groups.map((g) => g.name), active, setActive, choose });
  const openList = (next: boolean) => {
    if (next) setActiveIndex(Math.max(currentIndex, 0));
    setOpen(next);
  };

  return (
    <div className="group-switcher">
      <span id={labelId} className="group-switcher-label">
        Group
      </span>
      <Popover.Root open={open} onOpenChange={openList}>
        <Popover.Trigger asChild>
          <button
            type="button"
            role="combobox"
            className="group-trigger"
            aria-labelledby={labelId}
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onKeyDown={(e) => {
              // As on a native select, the arrows open the list too.
              if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
              e.preventDefault();
              openList(true);
            }}
          >
            {current && <GroupText group={current} />}
            <ChevronDownIcon />
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            ref={listRef}
            id={listId}
            role="listbox"
            aria-labelledby={labelId}
            aria-activedescendant={optionId(active)}
            tabIndex={-1}
            className="popover group-list"
            align="start"
            sideOffset={6}
            collisionPadding={8}
            onOpenAutoFocus={(e) => {
              e.preventDefault();
              listRef.current?.focus();
            }}
            onKeyDown={onListKeyDown}
          >
            {groups.map((g, index) => (
              // Options are chosen with the listbox's own keys; a click chooses too.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <div
                key={g.groupNumber}
                id={optionId(index)}
                role="option"
                // Focus stays on the listbox, which points here with aria-activedescendant.
                tabIndex={-1}
                aria-selected={g.groupNumber === groupNumber}
                className={`group-option${index === active ? ' is-active' : ''}`}
                onClick={() => choose(index)}
                onPointerMove={() => index !== active && setActiveIndex(index)}
              >
                <GroupText group={g} />
                <span className="group-option-role">
                  <span className="visually-hidden"> · Your role: </span>
                  {roleLabels[g.role]}
                </span>
              </div>
            ))}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {current && (
        <span className="badge group-role" title="Your role in this group">
          <span className="visually-hidden">Your role: </span>
          {roleLabels[current.role]}
        </span>
      )}
    </div>
  );
}
