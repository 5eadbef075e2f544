import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { EmptyState } from '../../components/ErrorState';
import { formatInstant } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { disputeReasonLabels } from './billing-words';

/** The disputes filed on this invoice, newest first, with the plan's answer once it resolves one: the record of what was sent. */
export function DisputeList({ disputes }: { disputes: InvoiceDispute[] }) {
  if (disputes.length === 0)
    return (
      <EmptyState title="No disputes on this invoice">
        <p>A line you dispute from the reconciliation is listed here with the plan’s answer.</p>
      </EmptyState>
    );
  return (
    <TableScroll labelledBy="disputes-caption">
      <table className="table billing-table">
        <caption id="disputes-caption" className="visually-hidden">
          Disputes
        </caption>
        <thead>
          <tr>
            <th scope="col">Filed</th>
            <th scope="col">Line</th>
            <th scope="col">Reason</th>
            <th scope="col">Note</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {disputes.map((d) => (
            <tr key={d.id}>
              <td>
                {formatInstant(d.filedAt)}
                <span className="billing-sub">by {d.filedBy}</span>
              </td>
              <th scope="row" className="mono">
                {d.memberId ?? 'Whole invoice'}
              </th>
              <td>{disputeReasonLabels[d.reason]}</td>
              <td className="billing-note">{d.note}</td>
              <td>
                {d.status === 'open' ? (
                  <span className="badge badge-pending">Open</span>
                ) : (
                  <>
                    <span className="badge badge-active">Resolved</span>
                    {d.resolutionNote && <span className="billing-sub">{d.resolutionNote}</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
