import { useId } from 'react';
import { Link } from '@tanstack/react-router';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import { TableScroll } from '../../components/TableScroll';
import { formatInstant } from '../../components/format';
import { TransactionBadge, resolvedLabels } from './labels';

interface Props {
  caption: string;
  items: ActivityItem[];
  selectedId: number | undefined;
  busy: boolean;
}

/** Changes newest first; each summary is a link that opens the change (and puts its id in the address). */
export function ActivityTable({ caption, items, selectedId, busy }: Props) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table activity-table" aria-busy={busy}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            <th scope="col">Confirmation</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const resolved = resolvedLabels[item.status];
            return (
              <tr key={item.id} className={item.id === selectedId ? 'is-selected' : undefined}>
                <th scope="row" className="activity-what">
                  <Link to="/activity" search={{ id: item.id }} data-activity-id={item.id} aria-current={item.id === selectedId ? 'true' : undefined}>
                    {item.summary}
                  </Link>
                </th>
                <td>
                  <TransactionBadge status={item.status} />
                </td>
                <td className="mono">{item.confirmationNumber ?? '—'}</td>
                <td>{item.createdBy}</td>
                <td className="activity-when">
                  <span>Submitted {formatInstant(item.createdAt)}</span>
                  {resolved && item.resolvedAt && (
                    <span className="muted">
                      {resolved} {formatInstant(item.resolvedAt)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
