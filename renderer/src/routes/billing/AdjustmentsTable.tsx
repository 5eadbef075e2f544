import { Link } from '@tanstack/react-router';
import type { InvoiceAdjustmentRow } from '@shared/contract/methods/billing';
import { formatUsd } from '@shared/util/money';
import { EmptyState } from '../../components/ErrorState';
import { TableScroll } from '../../components/TableScroll';
import { formatMonth } from './billing-words';

/**
 * Charges and credits for months already billed, each with the change that caused it: its TX-
 * number opens that change in Activity when this computer has it.
 */
export function AdjustmentsTable({ adjustments }: { adjustments: InvoiceAdjustmentRow[] }) {
  if (adjustments.length === 0)
    return (
      <EmptyState title="No adjustments on this invoice">
        <p>When a change reaches back into a month already billed, its charge or credit is listed here.</p>
      </EmptyState>
    );
  return (
    <TableScroll labelledBy="adjustments-caption">
      <table className="table billing-table">
        <caption id="adjustments-caption" className="visually-hidden">
          Adjustments
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Member</th>
            <th scope="col">Charge or credit</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {adjustments.map((a) => (
            <tr key={`${a.memberId}|${a.periodStart}|${a.kind}`}>
              <td>{formatMonth(a.periodStart)}</td>
              <th scope="row">
                {a.memberName} <span className="muted mono">{a.memberId}</span>
              </th>
              <td>{a.kind === 'charge' ? 'Charge' : 'Credit'}</td>
              <td className="num">{formatUsd(a.amountCents)}</td>
              <td className="mono">
                {a.confirmationNumber === null ? (
                  <span className="muted">Before change tracking</span>
                ) : a.transactionId === null ? (
                  a.confirmationNumber
                ) : (
                  <Link to="/activity" search={{ id: a.transactionId }} aria-label={`${a.confirmationNumber}, open in Activity`}>
                    {a.confirmationNumber}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
