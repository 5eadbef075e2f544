import { rosterChangeKinds } from '@shared/contract/methods/roster-history';
import { rosterChangeLabels } from '@shared/domain/roster-changes';
import { formatCount } from '../../../components/format';
import type { RosterChange } from './roster-change';

/**
 * The count of each kind of change, each an aria-pressed chip: pressing one shows only that kind,
 * pressing it again shows every kind. The pressed chip carries a check mark, not colour alone.
 */
export function ChangeKindChips({ counts, selected, onChange }: { counts: Record<RosterChange, number>; selected: RosterChange | undefined; onChange: (change: RosterChange | undefined) => void }) {
  return (
    <div className="chip-group" role="group" aria-label="Show changes">
      {rosterChangeKinds.map((kind) => {
        const pressed = selected === kind;
        return (
          <button type="button" key={kind} className="chip" aria-pressed={pressed} onClick={() => onChange(pressed ? undefined : kind)}>
            <span className="chip-check" aria-hidden="true">
              {pressed ? '✓' : ''}
            </span>
            {rosterChangeLabels[kind]} <span className="tabular">{formatCount(counts[kind])}</span>
          </button>
        );
      })}
    </div>
  );
}
