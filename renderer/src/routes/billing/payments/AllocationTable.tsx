import { useId } from 'react';
import { allocateOldestFirst } from '@shared/domain/payment-allocation';
import { formatUsd } from '@shared/util/money';
import { formatMonth } from '../billing-words';
import type { PayableInvoice } from './open-invoices';

/** How an amount is applied to the chosen invoices, oldest first, and what stays open on each. */
export function AllocationTable({ amountCents, invoices }: { amountCents: number; invoices: readonly PayableInvoice[] }) {
  const titleId = useId();
  const { allocations } = allocateOldestFirst(amountCents, invoices);
  const paid = (invoiceNumber: string) => allocations.find((a) => a.invoiceNumber === invoiceNumber)?.amountCents ?? 0;
  return (
    <table className="table billing-table pay-allocation" aria-labelledby={titleId}>
      <caption id={titleId} className="pay-caption">
        Applied oldest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Invoice</th>
          <th scope="col" className="num">
            Open
          </th>
          <th scope="col" className="num">
            Paid now
          </th>
          <th scope="col" className="num">
            Left open
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((i) => (
          <tr key={i.invoiceNumber}>
            <th scope="row">
              {formatMonth(i.periodStart)}
              <span className="billing-sub mono">{i.invoiceNumber}</span>
            </th>
            <td className="num">{formatUsd(i.openCents)}</td>
            <td className="num">{formatUsd(paid(i.invoiceNumber))}</td>
            <td className="num">{formatUsd(i.openCents - paid(i.invoiceNumber))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
