import type { GroupSummary } from '@shared/contract/methods/groups';
import { roleAllows, roleLabels } from '@shared/contract/roles';
import { formatUsd } from '@shared/util/money';
import { useGroupStore } from '../state/group-store';
import { useRosterView } from '../state/roster-view-store';
import { formatCount } from './format';

/** `Harbor Logistics Inc. · 100234 · 412 members · balance $41,822.50`: what tells one employer from another at a glance. */
export function groupOptionText(g: GroupSummary): string {
  const balance = g.balanceCents === null ? 'no invoice yet' : `balance ${formatUsd(g.balanceCents)}`;
  // A role that may not read members has no roster here to count.
  if (!roleAllows(g.role, 'members.read')) return `${g.name} · ${g.groupNumber} · ${balance}`;
  const members = `${formatCount(g.activeMembers)} ${g.activeMembers === 1 ? 'member' : 'members'}`;
  return `${g.name} · ${g.groupNumber} · ${members} · ${balance}`;
}

/**
 * A native select: reliable with keyboards, screen readers and OS text scaling, and easy to drive in
 * tests. The user's role in the chosen group sits beside it, since it decides what the screens offer.
 */
export function GroupSwitcher({ groups }: { groups: GroupSummary[] }) {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const resetForGroup = useRosterView((s) => s.resetForGroup);
  const current = groups.find((g) => g.groupNumber === groupNumber);
  return (
    <>
      <label className="group-switcher">
        <span className="group-switcher-label">Group</span>
        <select
          className="select"
          value={groupNumber ?? ''}
          onChange={(e) => {
            resetForGroup();
            setGroup(e.target.value);
          }}
        >
          {groups.map((g) => (
            <option key={g.groupNumber} value={g.groupNumber}>
              {groupOptionText(g)}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <span className="badge group-role" title="Your role in this group">
          <span className="visually-hidden">Your role: </span>
          {roleLabels[current.role]}
        </span>
      )}
    </>
  );
}
