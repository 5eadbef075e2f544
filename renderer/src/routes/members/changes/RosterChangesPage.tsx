import { useId, useState } from 'react';
import { addMonths, firstOfMonth, isIsoDate } from '@shared/util/dates';
import { useQuery } from '../../../api/use-query';
import { useCoreEvent } from '../../../api/ApiProvider';
import { EmptyState, ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { formatDate, formatInstant } from '../../../components/format';
import { useGroupStore } from '../../../state/group-store';
import { BillingPager } from '../../billing/BillingPager';
import { ChangeKindChips } from './ChangeKindChips';
import { ChangesTable } from './ChangesTable';
import { ExportChanges } from './ExportChanges';
import type { RosterChange } from './roster-change';
import './roster-changes.css';

const pageSize = 50;

/**
 * Who joined, left or changed coverage between two dates, from the local coverage history. `today`
 * is the app's day; the range starts on the first of the month before.
 */
export function RosterChangesPage({ today }: { today: string }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const titleId = useId();
  const fromId = useId();
  const toId = useId();
  const rangeErrorId = useId();
  const [from, setFrom] = useState(() => addMonths(firstOfMonth(today), -1));
  const [to, setTo] = useState(today);
  const [change, setChange] = useState<RosterChange | undefined>(undefined);
  const [page, setPage] = useState(0);

  const complete = isIsoDate(from) && isIsoDate(to);
  const backwards = complete && from > to;
  const diff = useQuery('roster.diff', complete && !backwards ? { groupNumber, from, to, change, offset: page * pageSize, limit: pageSize } : null);
  useCoreEvent((event) => {
    if (event.type === 'roster.changed' && event.groupNumber === groupNumber) diff.reload();
  });
  const data = diff.data;
  // A new range or filter starts again at the first page.
  const changeRange = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPage(0);
  };

  return (
    <div className="page page-changes">
      <div className="page-header">
        <h1 className="page-title" id={titleId}>
          Roster changes
        </h1>
        {data && <p className="as-of">As of {formatInstant(data.asOf)}</p>}
      </div>
      <p className="page-meta">Members whose coverage began, ended, or moved to another plan or tier between two dates. Changes to names and addresses are not listed: only coverage keeps its history.</p>
      <div className="changes-controls">
        <div className="wz-field">
          <label className="wz-label" htmlFor={fromId}>
            From
          </label>
          <input
            id={fromId}
            type="date"
            className="wz-input wz-input-medium"
            value={from}
            required
            aria-invalid={backwards || undefined}
            aria-describedby={backwards ? rangeErrorId : undefined}
            onChange={(event) => changeRange(setFrom)(event.target.value)}
          />
          {backwards && (
            <p id={rangeErrorId} className="wz-error">
              Choose a date on or before {formatDate(to)}.
            </p>
          )}
        </div>
        <div className="wz-field">
          <label className="wz-label" htmlFor={toId}>
            To
          </label>
          <input id={toId} type="date" className="wz-input wz-input-medium" value={to} required onChange={(event) => changeRange(setTo)(event.target.value)} />
        </div>
        <ExportChanges groupNumber={groupNumber} from={from} to={to} disabled={!complete || backwards} />
      </div>
      {backwards ? null : diff.status === 'error' && !data ? (
        <ErrorState title="Roster changes could not be loaded" error={diff.error} onRetry={diff.reload} />
      ) : !data ? (
        <SkeletonBlock label="Loading roster changes…" lines={8} />
      ) : (
        <section className="card" aria-labelledby={titleId}>
          <ChangeKindChips
            counts={data}
            selected={change}
            onChange={(kind) => {
              setChange(kind);
              setPage(0);
            }}
          />
          {data.rows.length === 0 ? (
            <EmptyState title="No changes">
              <p>Nobody’s coverage began, ended or changed between {formatDate(from)} and {formatDate(to)}.</p>
            </EmptyState>
          ) : (
            <>
              <ChangesTable rows={data.rows} titleId={titleId} caption={`Roster changes from ${formatDate(data.from)} to ${formatDate(data.to)}`} />
              <BillingPager label="Pages of roster changes" page={page} pageSize={pageSize} total={data.total} onPage={setPage} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
