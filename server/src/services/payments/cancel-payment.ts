import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { PAYMENT_CUTOFF } from '@shared/domain/payment-dates';
import type { Payment } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { payments } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { lockGroupPayments } from './ledger';
import { publishPaymentChanges } from './payment-feed';
import { cancellableUntil, paymentOf } from './payment-views';

/** Cancels a scheduled payment before its date's cut-off; after it, the debit is in a file at the bank. */
export async function cancelPayment(db: Db, groupNumber: string, confirmationNumber: string, actor: Actor, now: Date): Promise<Payment> {
  await db.transaction(async (tx) => {
    await lockGroupPayments(tx, groupNumber);
    const [row] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.confirmationNumber, confirmationNumber), eq(payments.groupNumber, groupNumber)));
    if (!row) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no payment ${confirmationNumber}.`);
    if (row.status !== 'scheduled') throw new ContractFailure('RULE', `Payment ${confirmationNumber} is ${row.status}: only a scheduled payment can be cancelled.`);
    if (cancellableUntil(row, now) === null) {
      throw new ContractFailure('RULE', `Payment ${confirmationNumber} can no longer be cancelled: it was sent to the bank at ${PAYMENT_CUTOFF.words} on ${row.paymentDate}. Call the plan’s billing department.`);
    }
    await tx.update(payments).set({ status: 'cancelled', cancelledAt: now }).where(eq(payments.confirmationNumber, confirmationNumber));
    await recordAudit(tx, { ...actor, action: 'payment.cancel', target: `payment:${confirmationNumber}`, detail: { groupNumber, amountCents: row.amountCents, paymentDate: row.paymentDate }, at: now });
    await publishPaymentChanges(tx, groupNumber, [confirmationNumber], now);
  });
  return paymentOf(db, groupNumber, confirmationNumber, now);
}
