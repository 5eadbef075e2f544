import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { CoverageTier, Plan } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { deriveCoverageTier, monthlyPremium } from '@shared/domain/coverage-tier';
import type { InvoiceSummary } from '@shared/plan-api/bill-pay';
import { addMonths, compareDates, firstOfMonth } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { isUniqueViolation } from '../../store/errors';
import { invoiceLines, invoices } from '../../store/schema';
import { recordAudit } from '../audit';
import { appendChanges } from '../changes/append';
import { loadGroup } from '../eligibility/group-detail';
import type { Actor } from '../groups/create-group';
import { dueDateOf, newInvoiceNumber } from './billing-calendar';
import { toInvoiceSummary } from './invoice-views';

export interface InvoiceToIssue {
  groupNumber: string;
  /** First day of the month billed. */
  periodStart: string;
  /** The plan's calendar day of issue (billing-calendar.ts: the 15th of the month before, when on time). */
  issuedOn: string;
  /** `paid` only for history the sandbox loads; a real invoice is issued open. */
  status?: 'open' | 'paid';
}

export interface InvoiceLine {
  /** The subscriber: premiums are billed per contract, the family's tier covering the dependents. */
  memberId: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

export interface IssuedInvoice {
  invoice: InvoiceSummary;
  lines: InvoiceLine[];
}

const LINE_BATCH = 5000;
/** How far ahead of its month an invoice may be issued: the month after next at the latest. */
const MONTHS_AHEAD = 2;

type CoveredRow = { member_id: string; subscriber_id: string; relationship: Relationship; plan_code: string };

/**
 * The month's premium lines: one per family with anyone covered on the period's first day, at the
 * family's tier (derived from who is covered that day, as the 834's HD05 is) times its plan's rate.
 * Periods replaced on their first day (end before start) never were in force and are left out.
 */
async function premiumLines(tx: Db, plans: readonly Plan[], groupNumber: string, day: string): Promise<InvoiceLine[]> {
  const covered = await tx.execute<CoveredRow>(sql`
    SELECT c.member_id, m.subscriber_id, m.relationship, c.plan_code
    FROM coverage_periods c JOIN members m ON m.member_id = c.member_id
    WHERE c.group_number = ${groupNumber} AND c.start_date <= ${day}::date
      AND (c.end_date IS NULL OR (c.end_date >= ${day}::date AND c.end_date >= c.start_date))
    ORDER BY m.subscriber_id, c.member_id`);
  const families = new Map<string, CoveredRow[]>();
  for (const row of covered.rows) {
    const family = families.get(row.subscriber_id);
    if (family) family.push(row);
    else families.set(row.subscriber_id, [row]);
  }
  return [...families].map(([subscriberId, rows]) => {
    // The family is enrolled in the subscriber's plan; the subscriber's own row names it.
    const planCode = (rows.find((r) => r.member_id === subscriberId) ?? rows[0])?.plan_code ?? '';
    const plan = plans.find((p) => p.code === planCode);
    if (!plan) throw new Error(`Plan ${planCode} of family ${subscriberId} is not among group ${groupNumber}'s plans`);
    const tier = deriveCoverageTier(rows.map((r) => r.relationship));
    return { memberId: subscriberId, planCode, tier, amountCents: monthlyPremium(plan, tier) };
  });
}

/**
 * Issues the group's invoice for the month starting `periodStart`: its lines and total from the
 * coverage in force on that day, audited, and announced on the group's change feed (entity
 * `invoice`) so a watching desktop refreshes the balance. One invoice per group and month: a second
 * is a CONFLICT naming the first.
 */
export async function issueInvoice(db: Db, input: InvoiceToIssue, actor: Actor, now: Date): Promise<IssuedInvoice> {
  const { groupNumber, periodStart, issuedOn } = input;
  const invoiceNumber = newInvoiceNumber(groupNumber, periodStart);
  // The calendar bills next month on the 15th; an operator may run one cycle early (ahead of a
  // holiday close, say), no further: every coverage change until then would become an adjustment.
  const latestBillable = addMonths(firstOfMonth(issuedOn), MONTHS_AHEAD);
  if (compareDates(periodStart, latestBillable) > 0) {
    throw new ContractFailure('RULE', `Invoices are issued at most ${MONTHS_AHEAD} months ahead: on ${issuedOn} the latest month that can be billed starts ${latestBillable}.`, { period: 'Too far ahead' });
  }
  try {
    return await db.transaction(async (tx) => {
      const existing = await issuedFor(tx, groupNumber, periodStart);
      if (existing) throw alreadyIssued(existing);
      const group = await loadGroup(tx, groupNumber);
      const lines = await premiumLines(tx, group.plans, groupNumber, periodStart);
      if (lines.length === 0) throw new ContractFailure('RULE', `Nobody in group ${groupNumber} is covered on ${periodStart}: there is nothing to bill.`, { period: 'No coverage' });
      const [row] = await tx
        .insert(invoices)
        .values({
          invoiceNumber,
          groupNumber,
          periodStart,
          issuedOn,
          dueDate: dueDateOf(periodStart, issuedOn),
          amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
          status: input.status ?? 'open',
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error('The invoice was not stored');
      // In batches: a statement carries at most 65,535 parameters (5 a line), and a large group has 100,000 subscribers.
      for (let i = 0; i < lines.length; i += LINE_BATCH) {
        await tx.insert(invoiceLines).values(lines.slice(i, i + LINE_BATCH).map((line) => ({ invoiceNumber, ...line })));
      }
      const invoice = toInvoiceSummary(row);
      await recordAudit(tx, { ...actor, action: 'invoice.issue', target: `invoice:${invoiceNumber}`, detail: { groupNumber, ...invoice, subscribers: lines.length }, at: now });
      // Last: the feed append must end the transaction (services/changes/append.ts).
      await appendChanges(tx, groupNumber, now.toISOString(), [{ entity: 'invoice', entityId: invoiceNumber, op: 'upsert', payload: invoice }]);
      return { invoice, lines };
    });
  } catch (error) {
    // Two operators issuing the same month at once: the loser learns which invoice it is, not a driver error.
    if (isUniqueViolation(error)) {
      const existing = await issuedFor(db, groupNumber, periodStart);
      if (existing) throw alreadyIssued(existing);
    }
    throw error;
  }
}

/** The group's invoice of the month, if issued: the month, not the (random) number, says which it is. */
export async function issuedFor(db: Db, groupNumber: string, periodStart: string): Promise<{ invoiceNumber: string; issuedOn: string; status: 'open' | 'paid' } | null> {
  const [row] = await db
    .select({ invoiceNumber: invoices.invoiceNumber, issuedOn: invoices.issuedOn, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.groupNumber, groupNumber), eq(invoices.periodStart, periodStart)))
    .limit(1);
  return row ?? null;
}

const alreadyIssued = (existing: { invoiceNumber: string; issuedOn: string }) =>
  new ContractFailure('CONFLICT', `Invoice ${existing.invoiceNumber} was already issued on ${existing.issuedOn}; a month is billed once.`, { period: 'Already issued' });
