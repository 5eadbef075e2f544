import { Link } from '@tanstack/react-router';
import type { BillingInvoice } from '@shared/contract/methods/billing';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { formatMonth } from './billing-words';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

/** The group's invoices, newest month first; the month opens the invoice. */
export function InvoiceList({ invoices }: { invoices: BillingInvoice[] }) {
  return (
    <TableScroll labelledBy="invoices-title">
      <table className="table billing-table">
        <caption className="visually-hidden">Invoices, newest month first</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Invoice number</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Total due
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.invoiceNumber}>
              <th scope="row">
                <Link to="/billing/invoices/$invoiceNumber" params={{ invoiceNumber: invoice.invoiceNumber }}>
                  {formatMonth(invoice.periodStart)}
                </Link>
              </th>
              <td className="mono">{invoice.invoiceNumber}</td>
              <td>{formatDate(invoice.issuedOn)}</td>
              <td>{formatDate(invoice.dueDate)}</td>
              <td className="num">{formatUsd(invoice.totalDueCents)}</td>
              <td>
                <InvoiceStatusBadge status={invoice.paymentStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
