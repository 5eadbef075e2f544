import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { ReconcileRow, Reconciliation } from '@shared/contract/methods/billing';
import type { CoverageTier } from '@shared/contract/schemas/group';
import { invoiceDispute, type InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { compareDates } from '@shared/util/dates';
import { formatUsd } from '@shared/util/money';
import { statement } from '../../store/statements';
import { byMemberName } from './member-name-order';
import { rateOf, rosterMonthCharges, type RosterFamily } from './roster-month-charges';

interface InvoiceLine {
  memberId: string;
  memberName: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

/** The invoice's number and month, NOT_FOUND unless the group has it on this computer. */
export function findInvoicePeriod(db: Database, groupNumber: string, invoiceNumber: string): { invoiceNumber: string; periodStart: string } {
  const row = statement(db, 'SELECT invoice_number AS invoiceNumber, period_start AS periodStart FROM invoices WHERE group_number = ? AND invoice_number = ?').get(
    groupNumber,
    invoiceNumber,
  ) as { invoiceNumber: string; periodStart: string } | undefined;
  if (row === undefined) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber} on this computer.`);
  return row;
}

/**
 * Every difference between an invoice's member lines and the local roster for the invoice's month,
 * priced with the plan's own month rules (whole months, tier from who is covered on the 1st, the
 * rate in force that day). One family gives at most one row, the first that applies of: billed but
 * not covered, plan or tier differs, amount differs; then the families covered but not billed.
 * Reads the lines and the roster once each, so a 250,000-line invoice costs two scans.
 */
export function reconcileInvoice(db: Database, groupNumber: string, invoiceNumber: string, rosterAsOf: string | null): Reconciliation {
  const invoice = findInvoicePeriod(db, groupNumber, invoiceNumber);
  const { periodStart } = invoice;
  const roster = rosterMonthCharges(db, groupNumber, periodStart);
  const disputes = latestDisputes(db, invoiceNumber);
  const month = monthLabel(periodStart);
  const rows: ReconcileRow[] = [];
  const billedIds = new Set<string>();

  const lines = statement(
    db,
    `SELECT member_id AS memberId, member_name AS memberName, plan_code AS planCode, tier, amount_cents AS amountCents
     FROM invoice_lines WHERE invoice_number = ?`,
  ).iterate(invoiceNumber) as IterableIterator<InvoiceLine>;
  for (const line of lines) {
    billedIds.add(line.memberId);
    const family = roster.families.get(line.memberId);
    const billed = { planCode: line.planCode, tier: line.tier, amountCents: line.amountCents };
    const base = { memberId: line.memberId, memberName: line.memberName, billed, dispute: disputes.get(line.memberId) ?? null };
    const charge = family?.charge ?? null;
    if (charge === null) {
      rows.push({
        ...base,
        kind: 'billed_but_terminated',
        roster: { planCode: null, tier: null, expectedCents: null, coverageEnd: family?.coverageEnd ?? null },
        explanation: notCoveredExplanation(family, periodStart, month),
      });
      continue;
    }
    const rosterSide = { planCode: charge.planCode, tier: charge.tier, expectedCents: charge.amountCents, coverageEnd: family?.coverageEnd ?? null };
    if (charge.planCode !== line.planCode || charge.tier !== line.tier) {
      rows.push({
        ...base,
        kind: 'plan_or_tier_differs',
        roster: rosterSide,
        explanation: `Billed ${line.planCode} ${line.tier}; on ${periodStart} the roster covers the family under ${charge.planCode} ${charge.tier} (${formatUsd(charge.amountCents)}).`,
      });
      continue;
    }
    const rate = rateOf(roster.plans, line.planCode, line.tier);
    if (rate !== line.amountCents) {
      rows.push({
        ...base,
        kind: 'amount_differs',
        roster: { ...rosterSide, expectedCents: rate },
        explanation:
          rate === null
            ? `Billed ${formatUsd(line.amountCents)} for ${line.planCode}, a plan the group does not offer.`
            : `Billed ${formatUsd(line.amountCents)}; the group’s ${line.planCode} ${line.tier} rate for ${month} is ${formatUsd(rate)}.`,
      });
    }
  }

  let coveredCount = 0;
  for (const family of roster.families.values()) {
    const { charge } = family;
    if (charge === null) continue;
    coveredCount += 1;
    if (billedIds.has(family.subscriberId)) continue;
    rows.push({
      kind: 'covered_not_billed',
      memberId: family.subscriberId,
      memberName: family.name,
      billed: null,
      roster: { planCode: charge.planCode, tier: charge.tier, expectedCents: charge.amountCents, coverageEnd: family.coverageEnd },
      explanation: `Covered on ${periodStart} under ${charge.planCode} ${charge.tier} (${formatUsd(charge.amountCents)}) but not on the invoice.`,
      dispute: disputes.get(family.subscriberId) ?? null,
    });
  }

  rows.sort(byMemberName);
  return { invoiceNumber: invoice.invoiceNumber, periodStart, billedCount: billedIds.size, coveredCount, rows, rosterAsOf };
}

function notCoveredExplanation(family: RosterFamily | undefined, periodStart: string, month: string): string {
  if (family === undefined) return `Billed for ${month}, but this member is not on the roster on this computer.`;
  if (family.coverageEnd !== null && compareDates(family.coverageEnd, periodStart) < 0) return `Billed for ${month}, but the roster’s coverage ended ${family.coverageEnd}, before ${periodStart}.`;
  return `Billed for ${month}, but nobody in the family is covered on ${periodStart} per the roster.`;
}

/** The latest dispute of each member line of the invoice, as the plan last answered (highest plan id). */
function latestDisputes(db: Database, invoiceNumber: string): Map<string, InvoiceDispute> {
  const rows = statement(db, 'SELECT member_id AS memberId, dispute FROM invoice_disputes WHERE invoice_number = ? AND member_id IS NOT NULL ORDER BY id').all(invoiceNumber) as {
    memberId: string;
    dispute: string;
  }[];
  // Later rows overwrite earlier ones, leaving each member's latest.
  return new Map(rows.map((row) => [row.memberId, invoiceDispute.parse(JSON.parse(row.dispute))]));
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-12-01` → `December 2026`, the same on every machine (UTC, no local zone). */
export function monthLabel(periodStart: string): string {
  return monthFormat.format(new Date(`${periodStart}T00:00:00Z`));
}
