import type { Database } from 'better-sqlite3';
import type { CoreEvent } from '@shared/contract/events';
import type { ChangeEntry } from '@shared/plan-api/changes';
import type { Payment, PaymentStatus } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { groupInWords, paymentsLink, returnReasonOf } from '../outbox/payment-words';
import { createNotification } from '../store/repositories/notifications-repository';
import { upsertPayment } from '../store/repositories/payments-repository';

export type PaymentEntry = Extract<ChangeEntry, { entity: 'payment' }>;

/**
 * Applies a page's payment entries in feed order inside the page's transaction: each is the plan's
 * newest record of the payment, kept in place of the one before. A payment that settled or came back
 * returned is news (a notification) when the group was synced before this pull; a first sync brings
 * the group's whole history, none of it news. Returns the notifications' events.
 */
export function applyPaymentEntries(db: Database, groupNumber: string, entries: readonly PaymentEntry[], options: { now: string; announce: boolean }): CoreEvent[] {
  const changed = new Map<string, { before: PaymentStatus | null; payment: Payment }>();
  for (const entry of entries) {
    const before = upsertPayment(db, groupNumber, entry.payload, options.now);
    const first = changed.get(entry.payload.confirmationNumber);
    changed.set(entry.payload.confirmationNumber, { before: first === undefined ? before : first.before, payment: entry.payload });
  }
  if (!options.announce) return [];
  return [...changed.values()].flatMap(({ before, payment }) => (before === payment.status ? [] : announce(db, groupNumber, payment, options.now)));
}

/** The notification of a settled or returned payment: the group, amount and account nickname, the return's plain words; never a member. */
function announce(db: Database, groupNumber: string, payment: Payment, now: string): CoreEvent[] {
  const amount = formatUsd(payment.amountCents);
  const account = `${payment.bankAccount.nickname} (ending ${payment.bankAccount.accountLast4})`;
  const group = groupInWords(db, groupNumber);
  const common = { groupNumber, link: paymentsLink, outboxRef: null, createdAt: now };
  if (payment.status === 'settled') {
    return createNotification(db, {
      ...common,
      kind: 'payment.settled',
      title: `Payment of ${amount} received`,
      body: `The payment of ${amount} for ${group} from ${account} settled on ${payment.settlementDate}. Confirmation number ${payment.confirmationNumber}.`,
    });
  }
  if (payment.status === 'returned') {
    const reason = returnReasonOf(payment);
    return createNotification(db, {
      ...common,
      kind: 'payment.returned',
      title: `Payment of ${amount} returned by the bank`,
      body: `The payment of ${amount} for ${group} from ${account} was returned: ${reason} The invoices it paid are open again. Confirmation number ${payment.confirmationNumber}.`,
    });
  }
  return [];
}
