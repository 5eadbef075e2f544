import type { CoreEvent } from '@shared/contract/events';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import { markAttemptFailed, markSent, nextDelivery, recordAccepted, recordRejected } from '../outbox/outbox-delivery';
import { dateMissed, holdForNewDate, recordPaymentAccepted, recordPaymentRejected, type PaymentDelivery } from '../outbox/payment-delivery';
import type { Payment } from '@shared/plan-api/payments';
import { markMayHaveReached, markPaymentSending } from '../outbox/payment-outbox-rows';
import type { Store } from '../store/store';
import { PlanError, type PlanClient } from '../plan-service/plan-client';
import { applyRemoteMembers, type RemoteMember } from '../store/members/remote-members';

export interface PushContext {
  store: () => Store;
  client: PlanClient;
  now(): string;
  /** Delivers events after their transaction committed. */
  publish(events: readonly CoreEvent[]): void;
  aborted(): boolean;
}

/**
 * Sends the outbox (transactions and payments) in id order, each row with its own idempotency key, so a retry after a lost
 * answer is answered with the first answer and never applied twice (docs/architecture.md#push).
 * Accepted: the outbox row settles and the plan's members land in the replica in ONE SQLite
 * transaction (the enrolled family never disappears). Rejected (a 4xx with the plan's reasons):
 * the transactions module undoes the pending change. Anything else stops the loop with the
 * PlanError: the row stays queued (attempts counted) and the engine retries with back-off.
 * Returns how many rows were answered.
 */
export async function pushOutbox(ctx: PushContext): Promise<number> {
  let answered = 0;
  for (;;) {
    if (ctx.aborted()) return answered;
    const delivery = nextDelivery(ctx.store());
    if (delivery === null) return answered;
    if (delivery.kind === 'payment') {
      await pushPayment(ctx, delivery);
      answered++;
      continue;
    }
    // Refused when the row was cancelled since it was read: look at the next one.
    if (!markSent(ctx.store(), delivery.id, ctx.now())) continue;
    // Sent, and below queued again if no answer comes: each is a status a screen may be showing.
    const statusChanged: CoreEvent = { type: 'activity.changed', groupNumber: delivery.groupNumber };
    ctx.publish([statusChanged]);
    let accepted: TransactionAccepted;
    try {
      accepted = await ctx.client.submit(delivery.groupNumber, delivery.path, delivery.body, delivery.idempotencyKey);
    } catch (error) {
      if (error instanceof PlanError && error.kind === 'rejected' && error.contractError !== null) {
        ctx.publish(recordRejected(ctx.store(), delivery.id, error.contractError, ctx.now()));
        answered++;
        continue;
      }
      if (!ctx.aborted()) {
        markAttemptFailed(ctx.store(), delivery.id, error instanceof Error ? error.message : 'The plan service did not answer.', ctx.now());
        ctx.publish([statusChanged]);
      }
      throw error;
    }
    const store = ctx.store();
    const events = store.db.transaction(() => {
      const settled = recordAccepted(store, delivery.id, accepted, ctx.now());
      applyRemoteMembers(store, delivery.groupNumber, accepted.members.map(remoteFromView));
      return settled;
    })();
    ctx.publish([...events, { type: 'roster.changed', groupNumber: delivery.groupNumber }]);
    answered++;
  }
}

/**
 * One payment: held for a new date if its date went by before a try could reach the plan, else sent
 * with its key. A lost answer leaves it queued (the loop stops with the PlanError and the engine
 * retries it with the same key, which the plan answers with the payment it made, never a second one).
 */
async function pushPayment(ctx: PushContext, delivery: PaymentDelivery): Promise<void> {
  const missed = dateMissed(delivery, ctx.now());
  if (missed !== null) {
    ctx.publish(holdForNewDate(ctx.store(), delivery, missed, ctx.now()));
    return;
  }
  if (!markPaymentSending(ctx.store().db, delivery.id, ctx.now())) return;
  const statusChanged: CoreEvent = { type: 'billing.changed', groupNumber: delivery.groupNumber };
  ctx.publish([statusChanged]);
  let payment: Payment;
  try {
    payment = await ctx.client.submitPayment(delivery.groupNumber, delivery.body, delivery.idempotencyKey);
  } catch (error) {
    // Unless the request provably never left, the plan may have made the payment.
    if (!(error instanceof PlanError && error.neverSent)) markMayHaveReached(ctx.store().db, delivery.id, ctx.now());
    if (error instanceof PlanError && error.kind === 'rejected' && error.contractError !== null) {
      ctx.publish(recordPaymentRejected(ctx.store(), delivery.id, error.contractError, ctx.now()));
      return;
    }
    if (!ctx.aborted()) {
      markAttemptFailed(ctx.store(), delivery.id, error instanceof Error ? error.message : 'The plan service did not answer.', ctx.now());
      ctx.publish([statusChanged]);
    }
    throw error;
  }
  markMayHaveReached(ctx.store().db, delivery.id, ctx.now());
  ctx.publish(recordPaymentAccepted(ctx.store(), delivery.id, payment, ctx.now()));
}

/** A member view of a transaction's answer: its snapshot and its whole coverage history. */
function remoteFromView(view: TransactionAccepted['members'][number]): RemoteMember {
  const { status: _status, coverage, ...snapshot } = view;
  return {
    memberId: view.memberId,
    snapshot,
    committedAt: view.updatedAt,
    coverage: new Map(coverage.map((c) => [c.id, { snapshot: c, committedAt: view.updatedAt }])),
    wholeHistory: true,
  };
}
