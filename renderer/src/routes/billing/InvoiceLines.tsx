import { useEffect, useState } from 'react';
import type { InvoiceLineRow } from '@shared/contract/methods/billing';
import type { invoiceLineSortColumns } from '@shared/contract/methods/billing';
import { relationshipLabels } from '@shared/domain/relationships';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { formatUsd } from '@shared/util/money';
import { useAnnouncer } from '../../state/announcer';
import { useDebounced } from '../../components/use-debounced';
import { SearchBox } from '../../components/SearchBox';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { plural } from '../../components/format';
import { useBillingQuery } from './use-billing-query';
import { BillingPager } from './BillingPager';

type SortColumn = (typeof invoiceLineSortColumns)[number];
export interface LineSort {
  by: SortColumn;
  dir: 'asc' | 'desc';
}

/** A page of lines: enough to scan, small enough that a 250,000-line invoice answers at once (the core pages in SQL). */
export const linesPageSize = 100;
const searchDelay = 150;

const columns: { by: SortColumn; label: string; numeric?: boolean }[] = [
  { by: 'memberName', label: 'Member' },
  { by: 'memberId', label: 'Member ID' },
  { by: 'planCode', label: 'Plan' },
  { by: 'tier', label: 'Tier' },
  { by: 'amountCents', label: 'Amount', numeric: true },
];

/**
 * The invoice's member lines, one per family billed, with its dependents under the subscriber. Search,
 * sort and paging all happen in the core, so the table stays quick however long the invoice is; the
 * count and total are those of the lines the search finds.
 */
export function InvoiceLines({ groupNumber, invoiceNumber }: { groupNumber: string; invoiceNumber: string }) {
  const announce = useAnnouncer((s) => s.announce);
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), searchDelay);
  const [sort, setSort] = useState<LineSort>({ by: 'memberName', dir: 'asc' });
  // A new search or sort starts at the first page: the page belongs to the search and sort it was chosen in.
  const listKey = `${query}|${sort.by}|${sort.dir}`;
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const page = paging.listKey === listKey ? paging.page : 0;
  const setPage = (next: number) => setPaging({ listKey, page: next });
  const lines = useBillingQuery('billing.invoiceLines', { groupNumber, invoiceNumber, query, sort, offset: page * linesPageSize, limit: linesPageSize });

  const data = lines.data;
  const summary = data ? `${plural(data.total, 'line', 'lines')}${query ? ` match “${query}”` : ''} · ${formatUsd(data.totalCents)}` : null;
  useEffect(() => {
    if (summary) announce(summary);
  }, [summary, announce]);

  const toggleSort = (by: SortColumn) => setSort((s) => (s.by === by ? { by, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' }));

  return (
    <div className="billing-lines">
      <div className="toolbar">
        <SearchBox label="Search member lines" placeholder="Member name or ID" value={text} onChange={setText} />
        <p className="page-meta" id="lines-summary">
          {summary}
        </p>
      </div>
      {lines.status === 'error' && !data ? (
        <ErrorState title="The member lines could not be loaded" error={lines.error} onRetry={lines.reload} />
      ) : !data ? (
        <SkeletonBlock label="Loading member lines…" lines={8} />
      ) : data.total === 0 ? (
        <EmptyState title={query ? `No line matches “${query}”` : 'This invoice has no member lines'}>
          <p>{query ? 'Search by the member’s last name, first name or member ID.' : 'It bills adjustments only.'}</p>
        </EmptyState>
      ) : (
        <>
          <TableScroll labelledBy="lines-caption">
            <table className="table billing-table" aria-describedby="lines-summary" aria-busy={lines.status === 'loading'}>
              <caption id="lines-caption" className="visually-hidden">
                Member lines
              </caption>
              <thead>
                <tr>
                  {columns.map((c) => {
                    const sorted = sort.by === c.by;
                    return (
                      <th key={c.by} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                        <button type="button" className="sort-button" onClick={() => toggleSort(c.by)}>
                          {c.label}
                          <span className={`sort-arrow ${sorted ? 'is-sorted' : ''}`} aria-hidden="true">
                            {sorted && sort.dir === 'desc' ? '↓' : '↑'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <LineRow key={row.memberId} row={row} />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Total of {plural(data.total, 'line', 'lines')}
                  </th>
                  <td className="num strong">{formatUsd(data.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          <BillingPager label="Pages of member lines" page={page} pageSize={linesPageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}

function LineRow({ row }: { row: InvoiceLineRow }) {
  return (
    <tr>
      <th scope="row">
        {row.memberName}
        {row.dispute && <span className="badge badge-pending billing-disputed">Disputed</span>}
        {row.dependents.length > 0 && (
          <ul className="billing-dependents" aria-label={`Dependents of ${row.memberName}`}>
            {row.dependents.map((d) => (
              <li key={d.memberId}>
                {d.name} <span className="muted">· {relationshipLabels[d.relationship]} · <span className="mono">{d.memberId}</span></span>
              </li>
            ))}
          </ul>
        )}
      </th>
      <td className="mono">{row.memberId}</td>
      <td>{row.planName}</td>
      <td title={coverageTierLabels[row.tier]}>{row.tier}</td>
      <td className="num">{formatUsd(row.amountCents)}</td>
    </tr>
  );
}
