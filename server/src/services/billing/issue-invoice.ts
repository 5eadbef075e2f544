import { and, desc, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Group } from '@shared/contract/schemas/group';
import type { InvoiceSummary } from '@shared/plan-api/bill-pay';
import { addMonths, compareDates, firstOfMonth } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { isUniqueViolation } from '../../store/errors';
import { invoices, paymentAllocations, payments } from '../../store/schema';
import { recordAudit } from '../audit';
import { appendSelectedChanges } from '../changes/append';
import { loadGroup } from '../eligibility/group-detail';
import type { Actor } from '../groups/create-group';
import { lockGroupPayments } from '../payments/ledger';
import { adjustmentsFor, type AdjustmentToIssue, type PreviousBilling } from './adjustments';
import { dueDateOf, newInvoiceNumber } from './billing-calendar';
import { billedNameOf } from './invoice-detail';
import { toInvoiceSummary } from './invoice-views';
import { insertPremiumLines } from './premium-lines';

export interface InvoiceToIssue {
  groupNumber: string;
  /** First day of the month billed. */
  periodStart: string;
  /** The plan's calendar day of issue (billing-calendar.ts: the 15th of the month before, when on time). */
  issuedOn: string;
  /** `paid` only for history the sandbox loads; a real invoice is issued open. */
  status?: 'open' | 'paid';
}

export interface IssuedInvoice {
  invoice: InvoiceSummary;
  /** Lines written: one per family billed, to its subscriber. */
  lineCount: number;
  adjustments: AdjustmentToIssue[];
}

export interface IssuedBefore {
  invoiceNumber: string;
  issuedOn: string;
  status: 'open' | 'paid';
}

/** What one attempt to bill a month came to: the cycle skips a month already issued or with nothing to bill. */
export type MonthIssue = { outcome: 'issued'; issued: IssuedInvoice } | { outcome: 'already_issued'; existing: IssuedBefore } | { outcome: 'nothing_to_bill' };

/** How far ahead of its month an invoice may be issued: the month after next at the latest. */
const MONTHS_AHEAD = 2;
/** Adjustments per INSERT: one JSON parameter each, kept to a few megabytes. */
const ROW_BATCH = 20_000;
/** First key of the advisory lock that serializes the issuing of one group's invoices (the second is the group). */
const INVOICE_LOCK_SPACE = 0x1_4e_70;

/**
 * Issues the group's invoice for the month starting `periodStart` (docs/billing-rules.md): premium
 * lines from the coverage in force on that day, adjustments for months billed before whose coverage
 * changed since, the previous balance and payments; audited, and announced on the group's change
 * feed with its lines and adjustments. A month already issued is a CONFLICT naming its invoice; a
 * month with nothing to bill is a RULE failure.
 */
export async function issueInvoice(db: Db, input: InvoiceToIssue, actor: Actor, now: Date): Promise<IssuedInvoice> {
  const result = await issueMonth(db, input, actor, now);
  if (result.outcome === 'already_issued') throw alreadyIssued(result.existing);
  if (result.outcome === 'nothing_to_bill') {
    throw new ContractFailure('RULE', `Nobody in group ${input.groupNumber} is covered on ${input.periodStart}: there is nothing to bill.`, { period: 'No coverage' });
  }
  return result.issued;
}

/** `issueInvoice`, answering instead of failing when the month is already issued or has nothing to bill. */
export async function issueMonth(db: Db, input: InvoiceToIssue, actor: Actor, now: Date): Promise<MonthIssue> {
  const { groupNumber, periodStart, issuedOn } = input;
  // The calendar bills next month on the 15th; an operator may run one cycle early (ahead of a
  // holiday close, say), no further: every coverage change until then would become an adjustment.
  const latestBillable = addMonths(firstOfMonth(issuedOn), MONTHS_AHEAD);
  if (compareDates(periodStart, latestBillable) > 0) {
    throw new ContractFailure('RULE', `Invoices are issued at most ${MONTHS_AHEAD} months ahead: on ${issuedOn} the latest month that can be billed starts ${latestBillable}.`, { period: 'Too far ahead' });
  }
  try {
    return await db.transaction(async (tx) => {
      // One issuer per group at a time (job passes, operators, other instances): adjustments read
      // what earlier invoices billed, so two invoices of one group must not be computed side by side.
      // The lock is taken before anything is read, so every later statement sees the other's commit.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${INVOICE_LOCK_SPACE}, hashtext(${groupNumber}))`);
      const existing = await issuedFor(tx, groupNumber, periodStart);
      if (existing) return { outcome: 'already_issued', existing } as const;
      const group = await loadGroup(tx, groupNumber);
      const previous = await previousInvoice(tx, groupNumber);
      const adjustments = await adjustmentsFor(tx, group, periodStart, previous);
      // Settlements of the group wait for this invoice: one that commits later is received after it.
      await lockGroupPayments(tx, groupNumber);
      const paymentsCents = previous ? await paymentsReceived(tx, groupNumber, previous, now) : 0;
      const issued = await store(tx, input, { group, adjustments, previous, paymentsCents }, actor, now);
      return { outcome: 'issued', issued } as const;
    });
  } catch (error) {
    if (error instanceof NothingToBill) return { outcome: 'nothing_to_bill' };
    // The UNIQUE (group_number, period_start) backs the lock up: whoever loses learns which invoice it is.
    if (isUniqueViolation(error)) {
      const existing = await issuedFor(db, groupNumber, periodStart);
      if (existing) return { outcome: 'already_issued', existing };
    }
    throw error;
  }
}

interface PreviousInvoice extends PreviousBilling {
  invoiceNumber: string;
  totalDueCents: number;
  status: 'open' | 'paid';
}

/** The group's latest invoice (the last one written) and its first invoiced month, or null for a group never invoiced. */
async function previousInvoice(tx: Db, groupNumber: string): Promise<PreviousInvoice | null> {
  const [row] = await tx
    .select({
      invoiceNumber: invoices.invoiceNumber,
      createdAt: invoices.createdAt,
      totalDueCents: invoices.totalDueCents,
      status: invoices.status,
      firstPeriod: sql<string>`(SELECT min(f.period_start)::text FROM invoices f WHERE f.group_number = ${groupNumber})`,
    })
    .from(invoices)
    .where(eq(invoices.groupNumber, groupNumber))
    .orderBy(desc(invoices.createdAt), desc(invoices.periodStart))
    .limit(1);
  return row ?? null;
}

interface InvoiceContent {
  group: Pick<Group, 'groupNumber' | 'policy'>;
  adjustments: AdjustmentToIssue[];
  previous: PreviousInvoice | null;
  paymentsCents: number;
}

/**
 * Payments received since the previous invoice: what payments that settled after it was written
 * allocated to the group's invoices (all issued before this one). A returned payment is not money
 * received, and one still on its way is counted once it settles, on the invoice after. The previous
 * invoice marked paid with no settled payment on it was paid outside Bill Pay (the sandbox's
 * history): it counts as received in full, as its total due.
 */
async function paymentsReceived(tx: Db, groupNumber: string, previous: PreviousInvoice, now: Date): Promise<number> {
  const [received] = await tx
    .select({ cents: sql<string | number>`coalesce(sum(${paymentAllocations.amountCents}), 0)` })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.confirmationNumber, paymentAllocations.confirmationNumber))
    .where(and(eq(payments.groupNumber, groupNumber), eq(payments.status, 'settled'), sql`${payments.settledAt} > ${previous.createdAt}`, sql`${payments.settledAt} <= ${now}`));
  const ledger = Number(received?.cents ?? 0);
  if (previous.status !== 'paid') return ledger;
  const [onPrevious] = await tx
    .select({ n: sql<string | number>`count(*)` })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.confirmationNumber, paymentAllocations.confirmationNumber))
    .where(and(eq(paymentAllocations.invoiceNumber, previous.invoiceNumber), eq(payments.status, 'settled')));
  return Number(onPrevious?.n ?? 0) === 0 ? ledger + Math.max(previous.totalDueCents, 0) : ledger;
}

/** Thrown inside the transaction to undo an invoice that turned out to bill nothing. */
class NothingToBill extends Error {}

/**
 * Writes the invoice, then its lines straight from the coverage (insertPremiumLines), then its
 * premiums into the amount: the lines need the invoice row first, and only they know the sum.
 */
async function store(tx: Db, input: InvoiceToIssue, content: InvoiceContent, actor: Actor, now: Date): Promise<IssuedInvoice> {
  const { groupNumber, periodStart, issuedOn } = input;
  const { group, adjustments, previous, paymentsCents } = content;
  const invoiceNumber = newInvoiceNumber(groupNumber, periodStart);
  const adjusted = adjustments.reduce((sum, a) => sum + a.amountCents, 0);
  const [draft] = await tx
    .insert(invoices)
    .values({
      invoiceNumber,
      groupNumber,
      periodStart,
      issuedOn,
      dueDate: dueDateOf(periodStart, issuedOn),
      amountCents: adjusted,
      adjustmentsCents: adjusted,
      previousBalanceCents: previous?.totalDueCents ?? 0,
      paymentsCents,
      status: input.status ?? 'open',
      createdAt: now,
    })
    .returning({ invoiceNumber: invoices.invoiceNumber });
  if (!draft) throw new Error('The invoice was not stored');
  const lines = await insertPremiumLines(tx, group, periodStart, invoiceNumber);
  if (lines.count === 0 && adjustments.length === 0) throw new NothingToBill();
  const [row] = await tx
    .update(invoices)
    .set({ amountCents: sql`${invoices.amountCents} + ${lines.premiumsCents}` })
    .where(eq(invoices.invoiceNumber, invoiceNumber))
    .returning();
  if (!row) throw new Error('The invoice was not stored');
  for (let i = 0; i < adjustments.length; i += ROW_BATCH) {
    const batch = JSON.stringify(adjustments.slice(i, i + ROW_BATCH));
    await tx.execute(sql`
      INSERT INTO invoice_adjustments (invoice_number, member_id, period_start, kind, amount_cents, plan_code, tier, confirmation_number)
      SELECT ${invoiceNumber}, x."memberId", x."periodStart", x.kind, x."amountCents", x."planCode", x.tier, x."confirmationNumber"
      FROM jsonb_to_recordset(${batch}::jsonb) AS x("memberId" text, "periodStart" date, kind text, "amountCents" bigint, "planCode" text, tier text, "confirmationNumber" text)`);
  }
  const invoice = toInvoiceSummary(row);
  await recordAudit(tx, { ...actor, action: 'invoice.issue', target: `invoice:${invoiceNumber}`, detail: { groupNumber, ...invoice, subscribers: lines.count, adjustments: adjustments.length }, at: now });
  // Last: the feed append must end the transaction (services/changes/append.ts). The lines and
  // adjustments are copied into the feed by the database, not sent back and forth, each with the
  // subscriber's name as billed: a billing user's desktop has no roster to look it up in. The
  // members join is by primary key (every line's member exists: lines are written from the members
  // table, which never loses a row — migrations/0013), so the count holds.
  await appendSelectedChanges(tx, groupNumber, now.toISOString(), 1 + lines.count + adjustments.length, sql`
    SELECT 1::bigint AS ord, 'invoice'::text AS entity_kind, ${invoiceNumber}::text AS entity_id, ${JSON.stringify(invoice)}::jsonb AS payload
    UNION ALL
    SELECT 1 + row_number() OVER (ORDER BY l.member_id), 'invoice_line', l.invoice_number || '/' || l.member_id,
           jsonb_build_object('invoiceNumber', l.invoice_number, 'memberId', l.member_id, 'memberName', ${billedNameOf('m')}, 'planCode', l.plan_code, 'tier', l.tier, 'amountCents', l.amount_cents)
    FROM invoice_lines l JOIN members m ON m.member_id = l.member_id WHERE l.invoice_number = ${invoiceNumber}
    UNION ALL
    SELECT 1 + ${lines.count}::bigint + row_number() OVER (ORDER BY a.period_start, a.member_id), 'invoice_adjustment',
           a.invoice_number || '/' || a.member_id || '/' || to_char(a.period_start, 'YYYY-MM'),
           jsonb_build_object('invoiceNumber', a.invoice_number, 'memberId', a.member_id, 'memberName', ${billedNameOf('m')}, 'periodStart', a.period_start::text, 'kind', a.kind,
                              'amountCents', a.amount_cents, 'planCode', a.plan_code, 'tier', a.tier, 'confirmationNumber', a.confirmation_number)
    FROM invoice_adjustments a JOIN members m ON m.member_id = a.member_id WHERE a.invoice_number = ${invoiceNumber}`);
  return { invoice, lineCount: lines.count, adjustments };
}

/** The group's invoice of the month, if issued: the month, not the (random) number, says which it is. */
export async function issuedFor(db: Db, groupNumber: string, periodStart: string): Promise<IssuedBefore | null> {
  const [row] = await db
    .select({ invoiceNumber: invoices.invoiceNumber, issuedOn: invoices.issuedOn, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.groupNumber, groupNumber), eq(invoices.periodStart, periodStart)))
    .limit(1);
  return row ?? null;
}

const alreadyIssued = (existing: { invoiceNumber: string; issuedOn: string }) =>
  new ContractFailure('CONFLICT', `Invoice ${existing.invoiceNumber} was already issued on ${existing.issuedOn}; a month is billed once.`, { period: 'Already issued' });
