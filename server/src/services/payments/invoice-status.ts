import { inArray, sql } from 'drizzle-orm';
import type { InvoiceSummary } from '@shared/plan-api/bill-pay';
import type { Db } from '../../store/db';
import { invoices } from '../../store/schema';
import { toInvoiceSummary } from '../billing/invoice-views';

/**
 * Sets each invoice's stored status from the settled payments allocated to it: `paid` when they cover
 * its amount, else `open`. Returns the invoices whose status changed, as the feed carries them.
 */
export async function refreshInvoiceStatuses(tx: Db, invoiceNumbers: readonly string[]): Promise<InvoiceSummary[]> {
  if (invoiceNumbers.length === 0) return [];
  const list = sql.join([...new Set(invoiceNumbers)].map((n) => sql`${n}`), sql`, `);
  const changed = await tx.execute<{ invoice_number: string }>(sql`
    WITH settled AS (
      SELECT pa.invoice_number, sum(pa.amount_cents) AS cents
      FROM payment_allocations pa JOIN payments p ON p.confirmation_number = pa.confirmation_number
      WHERE pa.invoice_number IN (${list}) AND p.status = 'settled'
      GROUP BY pa.invoice_number
    )
    UPDATE invoices i
    SET status = CASE WHEN coalesce(s.cents, 0) >= i.amount_cents THEN 'paid' ELSE 'open' END
    FROM invoices j LEFT JOIN settled s ON s.invoice_number = j.invoice_number
    WHERE j.invoice_number = i.invoice_number AND i.invoice_number IN (${list})
      AND i.status <> CASE WHEN coalesce(s.cents, 0) >= i.amount_cents THEN 'paid' ELSE 'open' END
    RETURNING i.invoice_number`);
  const numbers = changed.rows.map((r) => r.invoice_number);
  if (numbers.length === 0) return [];
  const rows = await tx.select().from(invoices).where(inArray(invoices.invoiceNumber, numbers)).orderBy(invoices.periodStart);
  return rows.map(toInvoiceSummary);
}
