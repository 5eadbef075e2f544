import { relationshipLabels } from '@shared/domain/relationships';
import { Fragment, memo } from 'react';
import type { ReactNode } from 'react';
import type { RosterRow } from '@shared/contract/schemas/member';
import { formatDate, fullName } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';
import { rosterColumns } from './columns';
import type { RosterColumnId } from './columns';
import { TruncatedText } from './TruncatedText';

/** Where a row sits in its family, for the indent and the band that ties dependents to their subscriber. */
export type FamilyPlace = 'alone' | 'head' | 'member' | 'last';

interface Props {
  row: RosterRow | undefined;
  family: FamilyPlace;
  /** The row has keyboard focus: its cut-off texts show whole in tooltips. */
  focused: boolean;
}

/**
 * A change to this member is saved here and not yet accepted by the plan. It sits by the name, where
 * there is room, and leaves the Status column to the coverage status (whose own "Pending" means
 * coverage not yet started); screen readers hear the whole meaning.
 */
function PendingSyncBadge() {
  return (
    <span className="badge badge-sync" title="Saved here; waiting to be sent to the plan or for its answer">
      Pending<span className="visually-hidden">: a change is waiting for the plan</span>
    </span>
  );
}

function cellFor(id: RosterColumnId, row: RosterRow, dependent: boolean, focused: boolean): ReactNode {
  switch (id) {
    case 'name':
      return (
        <div role="gridcell" className="cell cell-name">
          {dependent && <span className="family-line" aria-hidden="true" />}
          <TruncatedText text={fullName(row)} rowFocused={focused} />
          {row.pendingSync && <PendingSyncBadge />}
        </div>
      );
    case 'memberId':
      return <div role="gridcell" className="cell mono">{row.memberId}</div>;
    case 'status':
      return (
        <div role="gridcell" className="cell">
          <StatusBadge status={row.status} />
        </div>
      );
    case 'plan':
      return (
        <div role="gridcell" className="cell">
          <TruncatedText text={row.planName} rowFocused={focused} />
        </div>
      );
    case 'tier':
      return <div role="gridcell" className="cell mono">{row.tier}</div>;
    case 'relationship':
      return (
        <div role="gridcell" className="cell">
          <TruncatedText text={relationshipLabels[row.relationship]} rowFocused={focused} />
        </div>
      );
    case 'dateOfBirth':
      return <div role="gridcell" className="cell tabular">{formatDate(row.dateOfBirth)}</div>;
    case 'effective':
      return <div role="gridcell" className="cell tabular">{formatDate(row.effectiveDate)}</div>;
    case 'termination':
      return <div role="gridcell" className="cell tabular">{formatDate(row.terminationDate)}</div>;
  }
}

/** The cells of one roster row, in the columns' order; a row not yet fetched shows placeholder bars of the same shape. */
export const RosterCells = memo(function RosterCells({ row, family, focused }: Props) {
  if (!row)
    return (
      <>
        {rosterColumns.map((column, i) => (
          <div role="gridcell" className="cell" key={column.id}>
            <Skeleton width={i === 0 ? '70%' : '55%'} />
          </div>
        ))}
      </>
    );
  const dependent = family === 'member' || family === 'last';
  return (
    <>
      {rosterColumns.map((column) => (
        <Fragment key={column.id}>{cellFor(column.id, row, dependent, focused)}</Fragment>
      ))}
    </>
  );
});
