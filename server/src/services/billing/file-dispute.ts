import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { DisputeReason, InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import type { Db } from '../../store/db';
import { isUniqueViolation } from '../../store/errors';
import { invoiceAdjustments, invoiceDisputes, invoiceLines, invoices, members } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { toDisputeView } from './dispute-list';

export interface DisputeFiling {
  groupNumber: string;
  invoiceNumber: string;
  /** Null: the whole invoice. */
  memberId: string | null;
  reason: DisputeReason;
  note: string;
}

/**
 * Records a dispute of a member line (a premium line or an adjustment naming the member) or of the
 * whole invoice, audited. An invoice of another group is answered as one that does not exist, as in
 * invoiceDetailOf; a second open dispute of the same line is a CONFLICT naming the first.
 */
export async function fileDispute(db: Db, filing: DisputeFiling, actor: Actor, now: Date): Promise<InvoiceDispute> {
  const { groupNumber, invoiceNumber, memberId } = filing;
  try {
    return await db.transaction(async (tx) => {
      const [invoice] = await tx
        .select({ invoiceNumber: invoices.invoiceNumber })
        .from(invoices)
        .where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.groupNumber, groupNumber)));
      if (!invoice) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber}.`);
      if (memberId !== null && filing.reason === 'covered_not_billed') {
        if (!(await isSubscriberOf(tx, groupNumber, memberId))) {
          throw new ContractFailure('RULE', `Member ${memberId} is not an employee of group ${groupNumber}.`, { memberId: 'Not an employee of this group' });
        }
      } else if (memberId !== null && !(await memberIsBilled(tx, invoiceNumber, memberId))) {
        throw new ContractFailure(
          'RULE',
          `Invoice ${invoiceNumber} has no line for member ${memberId}. Dispute one of its lines, name an employee who was covered but not billed, or dispute the whole invoice.`,
          { memberId: 'Not a member billed on this invoice' },
        );
      }
      const [row] = await tx
        .insert(invoiceDisputes)
        .values({ invoiceNumber, memberId, reason: filing.reason, note: filing.note, filedBy: actor.actorUserId, filedAt: now })
        .returning();
      if (!row) throw new Error('The dispute was not recorded');
      // The note stays out of the audit detail: it is free text that may name anyone.
      await recordAudit(tx, { ...actor, action: 'invoice.dispute', target: `invoice:${invoiceNumber}`, detail: { groupNumber, disputeId: row.id, memberId, reason: filing.reason }, at: now });
      return toDisputeView(row);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [open] = await db
      .select({ id: invoiceDisputes.id })
      .from(invoiceDisputes)
      .where(and(eq(invoiceDisputes.invoiceNumber, invoiceNumber), memberId === null ? sql`${invoiceDisputes.memberId} IS NULL` : eq(invoiceDisputes.memberId, memberId), eq(invoiceDisputes.status, 'open')));
    const line = memberId === null ? `Invoice ${invoiceNumber} as a whole` : `The line of member ${memberId} on invoice ${invoiceNumber}`;
    // No open one left: it was resolved between the refused insert and this look-up; filing again succeeds.
    const which = open ? `dispute ${open.id} is still open` : 'another dispute was filed at the same moment';
    throw new ContractFailure('CONFLICT', `${line} is already disputed: ${which}; plan staff answer it before another can be filed.`);
  }
}

/**
 * A member covered but not billed has no line to name; their subscriber's ID still names the family,
 * so each such family gets its own dispute (one open per member) and plan staff see whom it is about.
 */
async function isSubscriberOf(db: Db, groupNumber: string, memberId: string): Promise<boolean> {
  const [member] = await db
    .select({ m: members.memberId })
    .from(members)
    .where(and(eq(members.memberId, memberId), eq(members.groupNumber, groupNumber), eq(members.memberId, members.subscriberId)));
  return member !== undefined;
}

async function memberIsBilled(db: Db, invoiceNumber: string, memberId: string): Promise<boolean> {
  const [line] = await db.select({ m: invoiceLines.memberId }).from(invoiceLines).where(and(eq(invoiceLines.invoiceNumber, invoiceNumber), eq(invoiceLines.memberId, memberId)));
  if (line) return true;
  const [adjustment] = await db
    .select({ m: invoiceAdjustments.memberId })
    .from(invoiceAdjustments)
    .where(and(eq(invoiceAdjustments.invoiceNumber, invoiceNumber), eq(invoiceAdjustments.memberId, memberId)))
    .limit(1);
  return adjustment !== undefined;
}
