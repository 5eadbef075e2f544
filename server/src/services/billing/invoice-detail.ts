import { and, asc, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { InvoiceDetail } from '@shared/plan-api/invoices';
import type { Db } from '../../store/db';
import { invoiceAdjustments, invoiceLines, invoices, members } from '../../store/schema';
import { toListItem } from './invoice-list';
import { allocatedByInvoice } from '../payments/ledger';

/** The subscriber's name as a bill prints it: first, middle initial, last, suffix. */
export const billedName = sql<string>`concat_ws(' ', ${members.firstName}, left(${members.middleName}, 1), ${members.lastName}, ${members.suffix})`;

/** `billedName` in raw SQL over the members table under `alias` (the feed's set-based append). */
export const billedNameOf = (alias: string) =>
  sql.raw(`concat_ws(' ', ${alias}.first_name, left(${alias}.middle_name, 1), ${alias}.last_name, ${alias}.suffix)`);

/**
 * One invoice of the group with its lines and adjustments. An invoice of another group is answered
 * as one that does not exist, so a user of one group learns nothing of another's numbers.
 */
export async function invoiceDetailOf(db: Db, groupNumber: string, invoiceNumber: string, today: string): Promise<InvoiceDetail> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.groupNumber, groupNumber)));
  if (!row) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber}.`);
  const lines = await db
    .select({ invoiceNumber: invoiceLines.invoiceNumber, memberId: invoiceLines.memberId, memberName: billedName, planCode: invoiceLines.planCode, tier: invoiceLines.tier, amountCents: invoiceLines.amountCents })
    .from(invoiceLines)
    .innerJoin(members, eq(members.memberId, invoiceLines.memberId))
    .where(eq(invoiceLines.invoiceNumber, invoiceNumber))
    .orderBy(asc(members.lastName), asc(members.firstName), asc(invoiceLines.memberId));
  const adjustments = await db
    .select({
      invoiceNumber: invoiceAdjustments.invoiceNumber,
      memberId: invoiceAdjustments.memberId,
      memberName: billedName,
      periodStart: invoiceAdjustments.periodStart,
      kind: invoiceAdjustments.kind,
      amountCents: invoiceAdjustments.amountCents,
      planCode: invoiceAdjustments.planCode,
      tier: invoiceAdjustments.tier,
      confirmationNumber: invoiceAdjustments.confirmationNumber,
    })
    .from(invoiceAdjustments)
    .innerJoin(members, eq(members.memberId, invoiceAdjustments.memberId))
    .where(eq(invoiceAdjustments.invoiceNumber, invoiceNumber))
    .orderBy(asc(invoiceAdjustments.periodStart), asc(members.lastName), asc(members.firstName), asc(invoiceAdjustments.memberId));
  const allocated = await allocatedByInvoice(db, [invoiceNumber]);
  return { invoice: toListItem(row, allocated.get(invoiceNumber) ?? 0, today), lines, adjustments };
}
