import { memberStatuses } from '@shared/contract/schemas/member';
import type { MemberStatus } from '@shared/contract/schemas/member';
import { statusLabels } from '../../components/format';
import { useAnnouncer } from '../../state/announcer';

/** Each chip's name for guided tours (docs/help-and-tutorials.md): a tour shows terminated members by pressing them one by one. */
const chipTours: readonly { status: MemberStatus; tour: string }[] = [
  { status: 'active', tour: 'roster-status-active' },
  { status: 'pending', tour: 'roster-status-pending' },
  { status: 'terminated', tour: 'roster-status-terminated' },
];

const lastStatusNote = 'At least one status stays selected';

/**
 * The status filter as chips that each toggle on their own (any mix of statuses can be shown), not a
 * segmented control that reads as "pick one". Each chip is an aria-pressed button, and a pressed chip
 * carries a check mark too, so its state does not rest on colour alone.
 */
export function StatusChips({ selected, onChange }: { selected: readonly MemberStatus[]; onChange: (statuses: MemberStatus[]) => void }) {
  const announce = useAnnouncer((s) => s.announce);
  return (
    <div className="chip-group" role="group" aria-label="Status">
      {chipTours.map(({ status, tour }) => {
        const pressed = selected.includes(status);
        // An empty choice would always show an empty roster.
        const onlyOne = pressed && selected.length === 1;
        return (
          <button
            type="button"
            key={status}
            data-tour={tour}
            className="chip"
            aria-pressed={pressed}
            aria-disabled={onlyOne}
            title={onlyOne ? lastStatusNote : undefined}
            onClick={() => {
              // A press that changes nothing would otherwise pass in silence.
              if (onlyOne) announce(lastStatusNote);
              else onChange(pressed ? selected.filter((s) => s !== status) : memberStatuses.filter((s) => s === status || selected.includes(s)));
            }}
          >
            <span className="chip-check" aria-hidden="true">
              {pressed ? '✓' : ''}
            </span>
            {statusLabels[status]}
          </button>
        );
      })}
    </div>
  );
}
