import { relationshipLabels } from '@shared/domain/relationships';
import { memo } from 'react';
import type { RosterRow } from '@shared/contract/schemas/member';
import { formatDate, fullName } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';

/** Where a row sits in its family, for the indent and the band that ties dependents to their subscriber. */
export type FamilyPlace = 'alone' | 'head' | 'member' | 'last';

interface Props {
  row: RosterRow | undefined;
  family: FamilyPlace;
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

/** The cells of one roster row; a row not yet fetched shows placeholder bars of the same shape. */
export const RosterCells = memo(function RosterCells({ row, family }: Props) {
  if (!row)
    return (
      <>
        {Array.from({ length: 9 }, (_, i) => (
          <div role="gridcell" className="cell" key={i}>
            <Skeleton width={i === 0 ? '70%' : '55%'} />
          </div>
        ))}
      </>
    );
  const dependent = family === 'member' || family === 'last';
  return (
    <>
      <div role="gridcell" className="cell cell-name">
        {dependent && <span className="family-line" aria-hidden="true" />}
        {/* A name cut short by the badge or a narrow window is still there in full on hover. */}
        <span className="truncate" title={row.pendingSync ? fullName(row) : undefined}>
          {fullName(row)}
        </span>
        {row.pendingSync && <PendingSyncBadge />}
      </div>
      <div role="gridcell" className="cell mono">
        {row.memberId}
      </div>
      <div role="gridcell" className="cell">
        <span className="truncate">{relationshipLabels[row.relationship]}</span>
      </div>
      <div role="gridcell" className="cell tabular">
        {formatDate(row.dateOfBirth)}
      </div>
      <div role="gridcell" className="cell">
        <span className="truncate">{row.planName}</span>
      </div>
      <div role="gridcell" className="cell mono">
        {row.tier}
      </div>
      <div role="gridcell" className="cell">
        <StatusBadge status={row.status} />
      </div>
      <div role="gridcell" className="cell tabular">
        {formatDate(row.effectiveDate)}
      </div>
      <div role="gridcell" className="cell tabular">
        {formatDate(row.terminationDate)}
      </div>
    </>
  );
});
