import type { RosterSort } from '../../state/roster-view-store';
import type { RosterSortColumn } from '@shared/contract/methods/members';
import { rosterColumns } from './columns';
import { SelectAllHeader } from './SelectCell';
import type { SelectAllState } from './SelectCell';

/** Column headers; each is a button that sorts, and `aria-sort` tells which one is in effect. The first selects every matching member (when members can be changed). */
export function RosterHeader({ sort, onSort, selectAll }: { sort: RosterSort; onSort: (by: RosterSortColumn) => void; selectAll: SelectAllState | null }) {
  return (
    <div role="rowgroup" className="roster-head">
      <div role="row" className="roster-row" aria-rowindex={1}>
        {selectAll && <SelectAllHeader state={selectAll} />}
        {rosterColumns.map((column) => {
          const sorted = sort.by === column.sortBy;
          return (
            <div role="columnheader" className="cell head-cell" key={column.id} aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => onSort(column.sortBy)}>
                {column.label}
                <span className={`sort-arrow ${sorted ? 'is-sorted' : ''}`} aria-hidden="true">
                  {sorted && sort.dir === 'desc' ? '↓' : '↑'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
