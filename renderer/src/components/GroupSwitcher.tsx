import type { GroupSummary } from '../../../shared/contract/methods/groups';
import { useGroupStore } from '../state/groupStore';
import { useRosterView } from '../state/rosterViewStore';

/** A native select: reliable with keyboards, screen readers and OS text scaling, and easy to drive in tests. */
export function GroupSwitcher({ groups }: { groups: GroupSummary[] }) {
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const resetForGroup = useRosterView((s) => s.resetForGroup);
  return (
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
            {g.name} · {g.groupNumber}
          </option>
        ))}
      </select>
    </label>
  );
}
