import type { Database } from 'better-sqlite3';
import type { ContractError } from '@shared/contract';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { Payment } from '@shared/plan-api/payments';
import type { PaymentOutboxRecord } from '../../outbox/outbox-repository';
import { paymentRequestOf, paymentRowOf, unansweredPaymentRows } from '../../outbox/payment-outbox-rows';
import { returnReasonOf } from '../../outbox/payment-words';
import { listPayments } from '../../store/repositories/payments-repository';

/** What a payment list shows for an outbox row's status before the plan answered it. */
const localStates = { queued: 'queued', sent: 'sending', needs_new_date: 'needs_new_date', rejected: 'rejected', cancelled: 'cancelled' } as const;

/** A submit the plan has not accepted: the request as made, and why it waits or was refused. */
export function itemOfRow(row: PaymentOutboxRecord): PaymentItem {
  const state = localStates[row.status as keyof typeof localStates];
  if (state === undefined) throw new Error(`A payment row in status ${row.status} is shown by its plan record`);
  return {
    outboxId: row.id,
    state,
    payment: null,
    request: paymentRequestOf(row),
    problem: row.error === null ? null : (JSON.parse(row.error) as ContractError).message,
    createdAt: row.created_at,
  };
}

/** The plan's record of a payment, linked to the submit that made it when it was made here. */
export const itemOfPayment = (db: Database, groupNumber: string, payment: Payment): PaymentItem => ({
  outboxId: paymentRowOf(db, groupNumber, payment.confirmationNumber),
  state: payment.status,
  payment,
  request: null,
  problem: payment.status === 'returned' ? returnReasonOf(payment) : null,
  createdAt: payment.submittedAt,
});

/** The plan's payments (from the feed) and the submits it has not accepted, newest first. */
export function listPaymentItems(db: Database, groupNumber: string): PaymentItem[] {
  const items = [...listPayments(db, groupNumber).map((p) => itemOfPayment(db, groupNumber, p)), ...unansweredPaymentRows(db, groupNumber).map(itemOfRow)];
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (b.outboxId ?? 0) - (a.outboxId ?? 0));
}
