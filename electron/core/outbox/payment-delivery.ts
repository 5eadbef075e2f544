import type { ContractError } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { earliestPaymentDate } from '@shared/domain/payment-dates';
import type { Payment } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { createNotification } from '../store/repositories/notifications-repository';
import { upsertPayment } from '../store/repositories/payments-repository';
import type { Store } from '../store/store';
import { markAcceptedRow, markRejectedRow, type PaymentOutboxRecord } from './outbox-repository';
import { findPaymentRow, markNeedsNewDate, paymentRequestOf, type StoredPaymentRequest } from './payment-outbox-rows';
import { groupInWords, paymentsLink } from './payment-words';

/**
 * The outbox's payment rows as the push sends them, and what each plan answer does. Like the
 * transactions' (outbox-delivery.ts), each function writes in one SQLite transaction and returns the
 * events to publish after it.
 */

export interface PaymentDelivery {
  id: number;
  groupNumber: string;
  kind: 'payment';
  idempotencyKey: string;
  /** POST /v1/groups/:groupNumber/payments. */
  path: 'payments';
  /** The plan's payment request as the user made it (the account by its plan ID). */
  body: StoredPaymentRequest;
  /**
   * A try may have reached the plan (one was answered or lost, or one was in flight when the app
   * stopped): the plan may have the payment already, so only the same key may ask again.
   */
  triedBefore: boolean;
}

export const paymentDelivery = (row: PaymentOutboxRecord): PaymentDelivery => ({
  id: row.id,
  groupNumber: row.group_number,
  kind: 'payment',
  idempotencyKey: row.idempotency_key,
  path: 'payments',
  body: paymentRequestOf(row),
  triedBefore: row.sent_at !== null || row.status === 'sent',
});

/**
 * Whether the payment's date is gone: submitted now it could no longer carry it. Such a payment is
 * never sent as it is, nor moved to another date by itself: the user is asked to choose one.
 * A payment tried before is exempt: the plan may already hold it, and only a repeat of its key can
 * say so without risking a second debit (the plan refuses a stale date of a key it never saw).
 */
export function dateMissed(delivery: PaymentDelivery, now: string): string | null {
  if (delivery.triedBefore) return null;
  const earliest = earliestPaymentDate(new Date(now));
  return delivery.body.paymentDate < earliest ? earliest : null;
}

/** Holds the payment back until the user chooses a new date, and asks them to. */
export function holdForNewDate(store: Store, delivery: PaymentDelivery, earliest: string, at: string): CoreEvent[] {
  const { db } = store;
  return db.transaction((): CoreEvent[] => {
    const { amountCents, paymentDate } = delivery.body;
    const message = `Its date, ${paymentDate}, passed before it could be sent. Choose a new date (the earliest is ${earliest}) or cancel it.`;
    const error: ContractError = { code: 'RULE', message, fields: { paymentDate: `The earliest date is ${earliest}` } };
    if (!markNeedsNewDate(db, delivery.id, error, at)) return [];
    return [
      { type: 'billing.changed', groupNumber: delivery.groupNumber },
      ...createNotification(db, {
        groupNumber: delivery.groupNumber,
        kind: 'payment.needs_date',
        title: `Choose a new date for a payment of ${formatUsd(amountCents)}`,
        body: `The payment of ${formatUsd(amountCents)} for ${groupInWords(db, delivery.groupNumber)} was not sent. ${message}`,
        link: paymentsLink,
        outboxRef: null,
        createdAt: at,
      }),
    ];
  })();
}

/** The plan took the payment: the row keeps its confirmation number and the plan's record is kept until the feed brings newer ones. */
export function recordPaymentAccepted(store: Store, id: number, payment: Payment, at: string): CoreEvent[] {
  const { db } = store;
  return db.transaction((): CoreEvent[] => {
    const row = findPaymentRow(db, id);
    if (row === null || (row.status !== 'queued' && row.status !== 'sent')) return [];
    markAcceptedRow(db, id, payment.confirmationNumber, at);
    upsertPayment(db, row.group_number, payment, at);
    return [{ type: 'billing.changed', groupNumber: row.group_number }];
  })();
}

/** The plan refused it: the request and the plan's reasons are kept, so the user can correct and resend it, and is told. */
export function recordPaymentRejected(store: Store, id: number, error: ContractError, at: string): CoreEvent[] {
  const { db } = store;
  return db.transaction((): CoreEvent[] => {
    const row = findPaymentRow(db, id);
    if (row === null || (row.status !== 'queued' && row.status !== 'sent')) return [];
    markRejectedRow(db, id, error, at);
    const { amountCents } = paymentRequestOf(row);
    return [
      { type: 'billing.changed', groupNumber: row.group_number },
      ...createNotification(db, {
        groupNumber: row.group_number,
        kind: 'transaction.rejected',
        title: `Payment of ${formatUsd(amountCents)} refused`,
        body: `The plan refused the payment of ${formatUsd(amountCents)} for ${groupInWords(db, row.group_number)}: ${error.message} Open Payments to correct and resend it.`,
        link: paymentsLink,
        outboxRef: null,
        createdAt: at,
      }),
    ];
  })();
}
