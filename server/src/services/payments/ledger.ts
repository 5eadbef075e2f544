import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { paymentAllocations, payments } from '../../store/schema';

/**
 * What the payment ledger says of invoices. A payment counts against an invoice while it may still
 * bring the money in (scheduled, processing) or did (settled); a cancelled or returned one gives its
 * allocation back. An invoice is `paid` once settled payments cover its amount, and open again if
 * one of them is returned.
 */
export const COUNTING_STATUSES = ['scheduled', 'processing', 'settled'] as const;

/** First key of the advisory lock that serializes one group's payment writes (the second is the group). */
const PAYMENT_LOCK_SPACE = 0x7061_79;

/** Serializes the writers of one group's payments to commit, so two payments cannot both take an invoice's last open dollar. */
export async function lockGroupPayments(tx: Db, groupNumber: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAYMENT_LOCK_SPACE}, hashtext(${groupNumber}))`);
}

/** Cents allocated to each invoice by payments that count (scheduled, processing, settled). */
export async function allocatedByInvoice(db: Db, invoiceNumbers: readonly string[]): Promise<Map<string, number>> {
  if (invoiceNumbers.length === 0) return new Map();
  const rows = await db
    .select({ invoiceNumber: paymentAllocations.invoiceNumber, cents: sql<string | number>`sum(${paymentAllocations.amountCents})` })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.confirmationNumber, paymentAllocations.confirmationNumber))
    .where(and(inArray(paymentAllocations.invoiceNumber, [...invoiceNumbers]), inArray(payments.status, [...COUNTING_STATUSES])))
    .groupBy(paymentAllocations.invoiceNumber);
  return new Map(rows.map((r) => [r.invoiceNumber, Number(r.cents)]));
}

/** What is still open on an invoice: nothing once paid, else its amount less what counting payments allocated. */
export const openCentsOf = (invoice: { status: 'open' | 'paid'; amountCents: number }, allocated: number): number =>
  invoice.status === 'paid' ? 0 : Math.max(0, invoice.amountCents - allocated);

/** The group's balance: what is open on its invoices, less what payments already on their way cover. */
export async function openBalanceOf(db: Db, groupNumber: string): Promise<number> {
  const result = await db.execute<{ balance: string | number }>(sql`
    SELECT coalesce(sum(greatest(i.amount_cents - coalesce(a.cents, 0), 0)), 0) AS balance
    FROM invoices i
    LEFT JOIN (
      SELECT pa.invoice_number, sum(pa.amount_cents) AS cents
      FROM payment_allocations pa JOIN payments p ON p.confirmation_number = pa.confirmation_number
      WHERE p.group_number = ${groupNumber} AND p.status IN ('scheduled', 'processing', 'settled')
      GROUP BY pa.invoice_number
    ) a ON a.invoice_number = i.invoice_number
    WHERE i.group_number = ${groupNumber} AND i.status = 'open'`);
  return Number(result.rows[0]?.balance ?? 0);
}
