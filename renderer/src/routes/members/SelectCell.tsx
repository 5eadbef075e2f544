import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { RosterRow } from '@shared/contract/schemas/member';
import { fullName } from '../../components/format';
import { isSelectable } from './selection-store';

export interface SelectAllState {
  checked: boolean | 'mixed';
  label: string;
  onClick: () => void;
  busy: boolean;
}

/** What the grid needs to know about the bulk selection; RosterPage owns the store and the list. */
export interface RowSelection {
  isSelected: (memberId: string) => boolean;
  onToggle: (index: number) => void;
  /** Selects from the last ticked row to `index`. */
  onRange: (index: number) => void;
  header: SelectAllState;
}

// The checkbox never takes focus: the row keeps it (roving focus), so arrows, Space and Enter keep working.
const keepFocusOnRow = (e: MouseEvent) => e.preventDefault();

function focusRow(e: MouseEvent<HTMLElement>) {
  e.currentTarget.closest<HTMLElement>('[role="row"]')?.focus({ preventScroll: true });
}

/** The first cell of a body row: a labelled checkbox, reached by mouse; keyboard users press Space on the row. */
export function SelectCell({ row, index, selected, selection }: { row: RosterRow | undefined; index: number; selected: boolean; selection: RowSelection }) {
  if (!row) return <div role="gridcell" className="cell cell-select" />;
  const selectable = isSelectable(row);
  return (
    <div role="gridcell" className="cell cell-select">
      <input
        type="checkbox"
        className="select-box"
        tabIndex={-1}
        checked={selected}
        disabled={!selectable}
        aria-label={`Select ${fullName(row)}`}
        title={selectable ? undefined : 'Enrolled here and not yet accepted by the plan: it can be selected once the plan gives it a member ID'}
        onMouseDown={keepFocusOnRow}
        onClick={(e) => {
          e.stopPropagation();
          focusRow(e);
          if (e.shiftKey) selection.onRange(index);
          else selection.onToggle(index);
        }}
        onChange={() => undefined}
      />
    </div>
  );
}

/** The header's checkbox: every member matching the search and filters, or none. */
export function SelectAllHeader({ state }: { state: SelectAllState }) {
  const ref = useRef<HTMLInputElement>(null);
  // `indeterminate` exists only as a DOM property; it is what makes screen readers say "mixed".
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state.checked === 'mixed';
  }, [state.checked]);
  return (
    <div role="columnheader" className="cell head-cell cell-select" aria-busy={state.busy || undefined}>
      <input ref={ref} type="checkbox" className="select-box" checked={state.checked === true} aria-label={state.label} disabled={state.busy} onChange={state.onClick} />
    </div>
  );
}
