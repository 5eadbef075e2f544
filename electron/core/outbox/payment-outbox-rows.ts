import type { Database } from 'better-sqlite3';
import { ContractFailure, type ContractError } from '@shared/contract';
import type { PaymentRequest } from '@shared/plan-api/payments';
import { statement } from '../store/statements';
import type { PaymentOutboxRecord } from './outbox-repository';

/**
 * The outbox's payment rows (kind `payment`): their queries live here, beside the transactions' in
 * outbox-repository.ts. A row's payload is the plan's payment request as the user made it, which
 * names the bank account by its plan ID: no account number is ever in the outbox.
 */

/** The request as stored: what the plan's POST /payments takes. */
export type StoredPaymentRequest = Omit<PaymentRequest, 'acceptAuthorization'> & { acceptAuthorization: true };

export const paymentRequestOf = (row: PaymentOutboxRecord): StoredPaymentRequest => JSON.parse(row.payload) as StoredPaymentRequest;

/** Still to be sent, being sent, waiting for a new date, or refused: the submits a payments list shows beside the plan's records. */
export const unansweredPaymentStatuses = ['queued', 'sent', 'needs_new_date', 'rejected', 'cancelled'] as const;

export function findPaymentRow(db: Database, id: number): PaymentOutboxRecord | null {
  return (statement(db, `SELECT * FROM outbox WHERE id = ? AND kind = 'payment'`).get(id) as PaymentOutboxRecord | undefined) ?? null;
}

/** The payment row of this group, or NOT_FOUND. */
export function requirePaymentRow(db: Database, groupNumber: string, id: number, field = 'outboxId'): PaymentOutboxRecord {
  const row = findPaymentRow(db, id);
  if (row === null || row.group_number !== groupNumber) throw new ContractFailure('NOT_FOUND', `There is no payment #${id} in group ${groupNumber} on this computer.`, { [field]: 'Not found' });
  return row;
}

/** A new queued payment submit with its own idempotency key; returns its id. */
export function insertPaymentRow(db: Database, row: { idempotencyKey: string; groupNumber: string; request: StoredPaymentRequest; summary: string; createdBy: string; now: string }): number {
  return Number(
    statement(
      db,
      `INSERT INTO outbox (idempotency_key, group_number, kind, member_id, payload, secrets_encrypted, status, summary, created_by, created_at, updated_at)
       VALUES (?, ?, 'payment', NULL, ?, NULL, 'queued', ?, ?, ?, ?) RETURNING id`,
    )
      .pluck()
      .get(row.idempotencyKey, row.groupNumber, JSON.stringify(row.request), row.summary, row.createdBy, row.now, row.now),
  );
}

/** The group's payment submits the plan has not accepted (and those withdrawn before it did), newest first. */
export function unansweredPaymentRows(db: Database, groupNumber: string): PaymentOutboxRecord[] {
  return statement(
    db,
    `SELECT * FROM outbox WHERE group_number = ? AND kind = 'payment' AND status IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
  ).all(groupNumber, JSON.stringify(unansweredPaymentStatuses)) as PaymentOutboxRecord[];
}

/** The group's submits still on their way to the plan (queued or sent), oldest first: what they will take of the open invoices. */
export function openPaymentRows(db: Database, groupNumber: string): PaymentOutboxRecord[] {
  return statement(db, `SELECT * FROM outbox WHERE group_number = ? AND kind = 'payment' AND status IN ('queued', 'sent') ORDER BY id`).all(groupNumber) as PaymentOutboxRecord[];
}

/** The submit the plan answered with this confirmation number, if it was made here. */
export function paymentRowOf(db: Database, groupNumber: string, confirmationNumber: string): number | null {
  return (
    (statement(db, `SELECT id FROM outbox WHERE group_number = ? AND kind = 'payment' AND confirmation_number = ? ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get(groupNumber, confirmationNumber) as number | undefined) ?? null
  );
}

/**
 * A try begins: shown as sending, and from now until an answer or a failure that proves otherwise,
 * it may be at the plan. False when it is no longer open (withdrawn meanwhile): do not send it.
 * `sent_at` is not set here: for a payment it records that a try may have reached the plan.
 */
export function markPaymentSending(db: Database, id: number, at: string): boolean {
  return statement(db, `UPDATE outbox SET status = 'sent', updated_at = ? WHERE id = ? AND kind = 'payment' AND status IN ('queued', 'sent')`).run(at, id).changes === 1;
}

/** A try may have reached the plan (it answered, or the answer was lost): kept for good, so the row is only ever retried with its key. */
export function markMayHaveReached(db: Database, id: number, at: string): void {
  statement(db, `UPDATE outbox SET sent_at = coalesce(sent_at, ?) WHERE id = ? AND kind = 'payment'`).run(at, id);
}

/**
 * Its date passed before it could be sent: it waits, with the reason, until the user chooses a new
 * date (a new submit that corrects it) or cancels it. Only a row never sent: one that may have
 * reached the plan is retried with its key, so the plan answers the payment it may already have.
 */
export function markNeedsNewDate(db: Database, id: number, error: ContractError, at: string): boolean {
  return (
    statement(db, `UPDATE outbox SET status = 'needs_new_date', error = ?, updated_at = ? WHERE id = ? AND kind = 'payment' AND status = 'queued' AND sent_at IS NULL`).run(
      JSON.stringify(error),
      at,
      id,
    ).changes === 1
  );
}

/** Withdrawn by the user before it was sent, or given up after a refusal or a missed date. */
export function markPaymentWithdrawn(db: Database, id: number, at: string): void {
  statement(db, `UPDATE outbox SET status = 'cancelled', resolved_at = coalesce(resolved_at, ?), updated_at = ? WHERE id = ? AND kind = 'payment'`).run(at, at, id);
}
