import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DisputeStatus, InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import type { Db } from '../../store/db';
import { invoiceDisputes, invoices } from '../../store/schema';

export const toDisputeView = (row: typeof invoiceDisputes.$inferSelect): InvoiceDispute => ({
  id: row.id,
  invoiceNumber: row.invoiceNumber,
  memberId: row.memberId,
  reason: row.reason,
  note: row.note,
  filedBy: row.filedBy,
  filedAt: row.filedAt.toISOString(),
  status: row.status,
  resolutionNote: row.resolutionNote,
  resolvedBy: row.resolvedBy,
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
});

export interface DisputeFilter {
  /** All groups when absent (operators). */
  groupNumber?: string;
  status?: DisputeStatus;
}

export interface ListedDispute extends InvoiceDispute {
  groupNumber: string;
}

/** Disputes newest first, with the group of the invoice each names. */
export async function listDisputes(db: Db, filter: DisputeFilter): Promise<ListedDispute[]> {
  const conditions: SQL[] = [];
  if (filter.groupNumber !== undefined) conditions.push(eq(invoices.groupNumber, filter.groupNumber));
  if (filter.status !== undefined) conditions.push(eq(invoiceDisputes.status, filter.status));
  const rows = await db
    .select({ dispute: invoiceDisputes, groupNumber: invoices.groupNumber })
    .from(invoiceDisputes)
    .innerJoin(invoices, eq(invoices.invoiceNumber, invoiceDisputes.invoiceNumber))
    .where(and(...conditions))
    .orderBy(desc(invoiceDisputes.filedAt), desc(invoiceDisputes.id));
  return rows.map((r) => ({ ...toDisputeView(r.dispute), groupNumber: r.groupNumber }));
}
