import { and, asc, count, eq, gt, or, sql } from 'drizzle-orm';
import type { Address } from '@shared/contract/schemas/group';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { groups, invoiceAdjustments, invoiceLines, invoices, members, plans } from '../../store/schema';
import { billedName } from './invoice-detail';

/** Everything the invoice's summary page prints, and how many rows its member and adjustment pages hold. */
export interface InvoiceStatement {
  invoice: typeof invoices.$inferSelect;
  group: { groupNumber: string; name: string; address: Address };
  /** Plan code → name, for the member pages' plan column. */
  planNames: ReadonlyMap<string, string>;
  lineCount: number;
  adjustmentCount: number;
}

export interface PdfLine {
  memberId: string;
  memberName: string;
  planCode: string;
  tier: string;
  amountCents: number;
}

export interface PdfAdjustment {
  memberId: string;
  memberName: string;
  periodStart: string;
  kind: 'charge' | 'credit';
  amountCents: number;
  confirmationNumber: string | null;
}

/** The invoice of the group, or NOT_FOUND: another group's invoice is answered as one that does not exist. */
export async function invoiceStatementOf(db: Db, groupNumber: string, invoiceNumber: string): Promise<InvoiceStatement> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.groupNumber, groupNumber)));
  const [group] = await db.select({ groupNumber: groups.groupNumber, name: groups.name, address: groups.address }).from(groups).where(eq(groups.groupNumber, groupNumber));
  if (!invoice || !group) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber}.`);
  const offered = await db.select({ code: plans.code, name: plans.name }).from(plans).where(eq(plans.groupNumber, groupNumber));
  const [lines] = await db.select({ n: count() }).from(invoiceLines).where(eq(invoiceLines.invoiceNumber, invoiceNumber));
  const [adjustments] = await db.select({ n: count() }).from(invoiceAdjustments).where(eq(invoiceAdjustments.invoiceNumber, invoiceNumber));
  return { invoice, group, planNames: new Map(offered.map((p) => [p.code, p.name])), lineCount: Number(lines?.n ?? 0), adjustmentCount: Number(adjustments?.n ?? 0) };
}

/**
 * The invoice's lines, `pageSize` at a time, by member ID. Each page is one keyset query that walks
 * the (invoice_number, member_id) primary key from where the last stopped, so a 250,000-line invoice
 * costs the same per page as a small one and holds no transaction or cursor open while a slow client
 * downloads (PGlite serves one query at a time). Member-name order, as the invoice API sorts, would
 * sort every line of the invoice for each page.
 */
export async function* invoiceLinePages(db: Db, invoiceNumber: string, pageSize: number): AsyncGenerator<PdfLine[]> {
  let after: string | null = null;
  for (;;) {
    const page: PdfLine[] = await db
      .select({ memberId: invoiceLines.memberId, memberName: billedName, planCode: invoiceLines.planCode, tier: invoiceLines.tier, amountCents: invoiceLines.amountCents })
      .from(invoiceLines)
      .innerJoin(members, eq(members.memberId, invoiceLines.memberId))
      .where(and(eq(invoiceLines.invoiceNumber, invoiceNumber), after === null ? undefined : gt(invoiceLines.memberId, after)))
      .orderBy(asc(invoiceLines.memberId))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.memberId ?? null;
    if (page.length < pageSize) return;
  }
}

/** The invoice's adjustments, `pageSize` at a time, by member ID then month: the primary key's order, keyset as the lines. */
export async function* invoiceAdjustmentPages(db: Db, invoiceNumber: string, pageSize: number): AsyncGenerator<PdfAdjustment[]> {
  let after: { memberId: string; periodStart: string } | null = null;
  for (;;) {
    const from = after;
    const page: PdfAdjustment[] = await db
      .select({
        memberId: invoiceAdjustments.memberId,
        memberName: billedName,
        periodStart: invoiceAdjustments.periodStart,
        kind: invoiceAdjustments.kind,
        amountCents: invoiceAdjustments.amountCents,
        confirmationNumber: invoiceAdjustments.confirmationNumber,
      })
      .from(invoiceAdjustments)
      .innerJoin(members, eq(members.memberId, invoiceAdjustments.memberId))
      .where(
        and(
          eq(invoiceAdjustments.invoiceNumber, invoiceNumber),
          from === null
            ? undefined
            : or(gt(invoiceAdjustments.memberId, from.memberId), and(eq(invoiceAdjustments.memberId, from.memberId), gt(invoiceAdjustments.periodStart, sql`${from.periodStart}::date`))),
        ),
      )
      .orderBy(asc(invoiceAdjustments.memberId), asc(invoiceAdjustments.periodStart))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    after = last ? { memberId: last.memberId, periodStart: last.periodStart } : null;
    if (page.length < pageSize) return;
  }
}
