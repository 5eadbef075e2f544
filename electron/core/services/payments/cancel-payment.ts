import { ContractFailure } from '@shared/contract';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { HandlerContext } from '../../dispatch/handler-types';
import { markPaymentWithdrawn, requirePaymentRow } from '../../outbox/payment-outbox-rows';
import { cancelPayment } from '../../plan-service/payments-client';
import { findPayment, upsertPayment } from '../../store/repositories/payments-repository';
import { itemOfPayment, itemOfRow } from './payment-items';

/**
 * A submit still on this computer (queued, waiting for a new date, or refused) is withdrawn here and
 * never sent. One that was sent may already be at the plan: only the plan's answer settles it. A
 * payment the plan holds is cancelled at the plan (until its date's cut-off), so only online.
 */
export async function cancelPaymentItem(ctx: HandlerContext, input: { groupNumber: string; outboxId: number } | { groupNumber: string; confirmationNumber: string }): Promise<PaymentItem> {
  const { db } = ctx.store;
  const { groupNumber } = input;
  if ('confirmationNumber' in input) return cancelAtPlan(ctx, groupNumber, input.confirmationNumber);
  const row = requirePaymentRow(db, groupNumber, input.outboxId);
  if (row.status === 'accepted' && row.confirmation_number !== null) return cancelAtPlan(ctx, groupNumber, row.confirmation_number);
  if (row.status === 'sent') {
    throw new ContractFailure('RULE', `Payment #${row.id} is being sent to the plan, so it cannot be withdrawn here: wait for the plan's answer, then cancel it there.`, { outboxId: 'Being sent' });
  }
  if (row.status !== 'queued' && row.status !== 'needs_new_date' && row.status !== 'rejected') {
    throw new ContractFailure('RULE', `Payment #${row.id} is ${row.status}: there is nothing to cancel.`, { outboxId: `Already ${row.status}` });
  }
  const item = db.transaction(() => {
    markPaymentWithdrawn(db, row.id, ctx.now());
    return itemOfRow(requirePaymentRow(db, groupNumber, row.id));
  })();
  ctx.sync.requestSync();
  ctx.emit({ type: 'billing.changed', groupNumber });
  return item;
}

async function cancelAtPlan(ctx: HandlerContext, groupNumber: string, confirmationNumber: string): Promise<PaymentItem> {
  const { db } = ctx.store;
  if (findPayment(db, groupNumber, confirmationNumber) === null) {
    throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no payment ${confirmationNumber} on this computer.`, { confirmationNumber: 'Not found' });
  }
  const payment = await cancelPayment(ctx.clients.authorized(ctx.store), groupNumber, confirmationNumber);
  upsertPayment(db, groupNumber, payment, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return itemOfPayment(db, groupNumber, payment);
}
