import { useState } from 'react';
import type { ImportItem } from '@shared/contract/methods/roster-import';
import { useQuery } from '../../api/use-query';
import { TableScroll } from '../../components/TableScroll';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { formatCount, formatDatesIn } from '../../components/format';
import { actionWords, locationWords, outcomeWords } from './import-words';
import type { ImportOutcome } from './import-words';

const pageSize = 50;

interface Props {
  groupNumber: string;
  importId: number;
  /** One outcome only, or every member of the file. */
  outcome: ImportOutcome | null;
}

/** The checked file's members in file order, a page at a time, each with where it is in the file and why it is skipped or refused. */
export function ImportItemsTable({ groupNumber, importId, outcome }: Props) {
  const [page, setPage] = useState(0);
  const items = useQuery('roster.importItems', { groupNumber, importId, offset: page * pageSize, limit: pageSize, ...(outcome ? { outcome } : {}) });
  if (items.status === 'error' && !items.data) return <ErrorState title="The file’s members could not be loaded" error={items.error} onRetry={items.reload} />;
  if (!items.data) return <SkeletonBlock label="Loading the file’s members…" lines={5} />;
  const { total } = items.data;
  const from = page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <>
      <TableScroll labelledBy="import-items-caption">
        <table className="table import-table" aria-busy={items.status === 'loading' || undefined}>
          <caption id="import-items-caption" className="visually-hidden">
            {outcome ? `Members ${outcomeWords[outcome].toLowerCase()}` : 'Every member in the file'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Member</th>
              <th scope="col">Change</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item) => (
              <ItemRow key={`${item.location.kind}-${item.location.number}`} item={item} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {total === 0 && <p className="muted">No member of the file has this outcome.</p>}
      {total > pageSize && (
        <nav className="pager" aria-label="Pages of the file’s members">
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous page
          </button>
          <span className="muted tabular">
            {formatCount(from)}–{formatCount(to)} of {formatCount(total)}
          </span>
          <button type="button" className="button" disabled={to >= total} onClick={() => setPage(page + 1)}>
            Next page
          </button>
        </nav>
      )}
    </>
  );
}

function ItemRow({ item }: { item: ImportItem }) {
  return (
    <tr className={`import-${item.outcome}`}>
      <td className="tabular">{locationWords(item.location)}</td>
      <th scope="row">
        {item.name}
        {item.memberId && <span className="muted mono"> {item.memberId}</span>}
      </th>
      <td>{actionWords[item.action]}</td>
      <td className="import-outcome">{outcomeWords[item.outcome]}</td>
      <td className="import-reason">{item.reason === null ? '—' : formatDatesIn(item.reason)}</td>
    </tr>
  );
}
