import type { Database } from 'better-sqlite3';
import { payment as paymentSchema, type Payment, type PaymentStatus } from '@shared/plan-api/payments';
import { statement } from '../statements';

/**
 * The owner of `payments`: the plan's payment records as the change feed (and the plan's answer to a
 * submit or a cancel) brings them, one snapshot per confirmation number. Each row holds the plan's
 * JSON as it came, read back through its schema, and the columns the screens sort and sum by.
 */

/** Keeps the plan's record in place of the one before; returns the status it had here (null: new here). */
export function upsertPayment(db: Database, groupNumber: string, payment: Payment, now: string): PaymentStatus | null {
  const before = statement(db, 'SELECT status FROM payments WHERE confirmation_number = ?').pluck().get(payment.confirmationNumber) as PaymentStatus | undefined;
  statement(
    db,
    `INSERT INTO payments (confirmation_number, group_number, payment, status, payment_date, amount_cents, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (confirmation_number) DO UPDATE SET group_number = excluded.group_number, payment = excluded.payment, status = excluded.status,
       payment_date = excluded.payment_date, amount_cents = excluded.amount_cents, updated_at = excluded.updated_at`,
  ).run(payment.confirmationNumber, groupNumber, JSON.stringify(payment), payment.status, payment.paymentDate, payment.amountCents, now);
  return before ?? null;
}

const readPayment = (text: unknown): Payment => paymentSchema.parse(JSON.parse(String(text)));

/** The group's payments, newest date first. */
export function listPayments(db: Database, groupNumber: string): Payment[] {
  return statement(db, 'SELECT payment FROM payments WHERE group_number = ? ORDER BY payment_date DESC, confirmation_number DESC').pluck().all(groupNumber).map(readPayment);
}

export function findPayment(db: Database, groupNumber: string, confirmationNumber: string): Payment | null {
  const text = statement(db, 'SELECT payment FROM payments WHERE confirmation_number = ? AND group_number = ?').pluck().get(confirmationNumber, groupNumber);
  return text === undefined ? null : readPayment(text);
}

/** The group's payments are applied again from the feed's start (the service's feed restarted). */
export function forgetGroupPayments(db: Database, groupNumber: string): void {
  statement(db, 'DELETE FROM payments WHERE group_number = ?').run(groupNumber);
}

/**
 * What the plan's payments took of each invoice: `committed` by every payment that still stands
 * (scheduled, processing or settled: a returned or cancelled one gave its share back), `settled`
 * by those the bank settled.
 */
export function allocatedByInvoice(db: Database, groupNumber: string): Map<string, { committed: number; settled: number }> {
  const rows = statement(
    db,
    `SELECT a.value ->> '$.invoiceNumber' AS invoiceNumber, sum(a.value ->> '$.amountCents') AS committed,
       sum(CASE WHEN p.status = 'settled' THEN a.value ->> '$.amountCents' ELSE 0 END) AS settled
     FROM payments p, json_each(p.payment, '$.allocations') a
     WHERE p.group_number = ? AND p.status IN ('scheduled', 'processing', 'settled')
     GROUP BY 1`,
  ).all(groupNumber) as { invoiceNumber: string; committed: number; settled: number }[];
  return new Map(rows.map((r) => [r.invoiceNumber, { committed: r.committed, settled: r.settled }]));
}

/** The last payment the bank settled: its amount and the day it settled. */
export function lastSettledPayment(db: Database, groupNumber: string): { amountCents: number; paidOn: string } | null {
  return (
    (statement(
      db,
      `SELECT amount_cents AS amountCents, payment ->> '$.settlementDate' AS paidOn FROM payments
       WHERE group_number = ? AND status = 'settled' ORDER BY paidOn DESC, confirmation_number DESC LIMIT 1`,
    ).get(groupNumber) as { amountCents: number; paidOn: string } | undefined) ?? null
  );
}
