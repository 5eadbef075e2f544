import { eq } from 'drizzle-orm';
import type { PlanService } from '../../../server/src/start';
import { eligibilityTransactions, idempotencyKeys } from '../../../server/src/store/schema';

export interface ServiceLedger {
  /** Every Idempotency-Key the user sent whose request the service applied, with its stored answer's status. */
  keys: { key: string; status: number }[];
  /** Every eligibility transaction the service accepted from the user. */
  transactions: { confirmationNumber: string; kind: string; payload: unknown }[];
}

/**
 * What the plan service recorded for one user, read from its database: the API offers no list of
 * idempotency keys, and "applied exactly once" is a statement about these two tables.
 */
export async function serviceLedger(service: PlanService, userId: string): Promise<ServiceLedger> {
  const keys = await service.db.select({ key: idempotencyKeys.key, status: idempotencyKeys.responseStatus }).from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
  const transactions = await service.db
    .select({ confirmationNumber: eligibilityTransactions.confirmationNumber, kind: eligibilityTransactions.kind, payload: eligibilityTransactions.payload })
    .from(eligibilityTransactions)
    .where(eq(eligibilityTransactions.actorUserId, userId));
  return { keys, transactions };
}
