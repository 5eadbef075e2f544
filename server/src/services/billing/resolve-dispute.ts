import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import type { Db } from '../../store/db';
import { invoiceDisputes } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { toDisputeView } from './dispute-list';

/** Resolves an open dispute with plan staff's note, audited; a resolved one stays as it was resolved. */
export async function resolveDispute(db: Db, id: number, resolutionNote: string, actor: Actor, now: Date): Promise<InvoiceDispute> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoiceDisputes)
      .set({ status: 'resolved', resolutionNote, resolvedBy: actor.actorUserId, resolvedAt: now })
      .where(and(eq(invoiceDisputes.id, id), eq(invoiceDisputes.status, 'open')))
      .returning();
    if (!row) {
      const [existing] = await tx.select().from(invoiceDisputes).where(eq(invoiceDisputes.id, id));
      if (!existing) throw new ContractFailure('NOT_FOUND', `There is no dispute ${id}.`);
      throw new ContractFailure('RULE', `Dispute ${id} was already resolved by ${existing.resolvedBy ?? 'someone'} at ${existing.resolvedAt?.toISOString() ?? 'an unknown time'}.`);
    }
    await recordAudit(tx, { ...actor, action: 'invoice.resolve_dispute', target: `invoice:${row.invoiceNumber}`, detail: { disputeId: id }, at: now });
    return toDisputeView(row);
  });
}
