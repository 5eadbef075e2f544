import type { Database } from 'better-sqlite3';
import type { InvoicePreview } from '@shared/contract/methods/billing';
import type { CoverageTier } from '@shared/contract/schemas/group';
import { addMonths, firstOfMonth, fromParts, toParts } from '@shared/util/dates';
import { openStatuses } from '../../outbox/outbox-repository';
import { statement } from '../../store/statements';
import { byMemberName } from './member-name-order';
import { rosterMonthCharges } from './roster-month-charges';

/** The plan's calendar: each month is billed on the 15th of the month before (docs/billing-rules.md). */
const BILL_DAY = 15;

export function billDayOf(periodStart: string): string {
  const { year, month } = toParts(addMonths(periodStart, -1));
  return fromParts(year, month, BILL_DAY);
}

/** The month whose bill day is the first on or after `today`. */
export function nextCalendarPeriod(today: string): string {
  return addMonths(firstOfMonth(today), toParts(today).day <= BILL_DAY ? 1 : 2);
}

interface LastLine {
  memberId: string;
  memberName: string;
  planCode: string;
  tier: CoverageTier;
  amountCents: number;
}

type PreviewLine = InvoicePreview['lines'][number];

/**
 * The next invoice as today's local roster would bill it, pending changes included (they are
 * applied to the roster while they wait for the plan), with the same month rules as the plan, and
 * each family set against its line on the latest invoice. The next month is the one after the
 * latest invoice on this computer; a group with none yet gets the month the calendar bills next.
 */
export function previewNextInvoice(db: Database, groupNumber: string, today: string): InvoicePreview {
  const last = statement(
    db,
    `SELECT invoice_number AS invoiceNumber, period_start AS periodStart, premiums_cents AS premiumsCents
     FROM invoices WHERE group_number = ? ORDER BY period_start DESC LIMIT 1`,
  ).get(groupNumber) as { invoiceNumber: string; periodStart: string; premiumsCents: number } | undefined;
  const periodStart = last === undefined ? nextCalendarPeriod(today) : addMonths(last.periodStart, 1);
  const roster = rosterMonthCharges(db, groupNumber, periodStart);

  const lastLines = new Map<string, LastLine>();
  if (last !== undefined) {
    const rows = statement(
      db,
      `SELECT member_id AS memberId, member_name AS memberName, plan_code AS planCode, tier, amount_cents AS amountCents
       FROM invoice_lines WHERE invoice_number = ?`,
    ).iterate(last.invoiceNumber) as IterableIterator<LastLine>;
    for (const row of rows) lastLines.set(row.memberId, row);
  }

  const lines: PreviewLine[] = [];
  let premiumsCents = 0;
  for (const family of roster.families.values()) {
    const { charge } = family;
    const before = lastLines.get(family.subscriberId);
    lastLines.delete(family.subscriberId);
    // A family neither billed now nor last time (ended long ago, or not started yet) has no line.
    if (charge === null && before === undefined) continue;
    premiumsCents += charge?.amountCents ?? 0;
    lines.push({
      memberId: family.subscriberId,
      memberName: family.name,
      change: changeOf(charge, before),
      planCode: charge?.planCode ?? null,
      tier: charge?.tier ?? null,
      amountCents: charge?.amountCents ?? 0,
      lastPlanCode: before?.planCode ?? null,
      lastTier: before?.tier ?? null,
      lastAmountCents: before?.amountCents ?? 0,
      pending: family.pending,
    });
  }
  // Billed last time and no longer on this computer's roster at all.
  for (const before of lastLines.values()) {
    lines.push({
      memberId: before.memberId,
      memberName: before.memberName,
      change: 'removed',
      planCode: null,
      tier: null,
      amountCents: 0,
      lastPlanCode: before.planCode,
      lastTier: before.tier,
      lastAmountCents: before.amountCents,
      pending: false,
    });
  }
  lines.sort(byMemberName);

  return {
    periodStart,
    issuesOn: billDayOf(periodStart),
    premiumsCents,
    lastPremiumsCents: last?.premiumsCents ?? null,
    lastInvoiceNumber: last?.invoiceNumber ?? null,
    pendingChanges: pendingChangeCount(db, groupNumber),
    lines,
  };
}

function changeOf(charge: { planCode: string; tier: CoverageTier; amountCents: number } | null, before: LastLine | undefined): PreviewLine['change'] {
  if (before === undefined) return 'added';
  if (charge === null) return 'removed';
  const same = charge.planCode === before.planCode && charge.tier === before.tier && charge.amountCents === before.amountCents;
  return same ? 'same' : 'changed';
}

const openStatusList = openStatuses.map((status) => `'${status}'`).join(', ');

/** The group's changes still waiting to be sent or answered by the plan (payments change no premium). */
function pendingChangeCount(db: Database, groupNumber: string): number {
  return statement(db, `SELECT count(*) FROM outbox WHERE group_number = ? AND kind <> 'payment' AND status IN (${openStatusList})`).pluck().get(groupNumber) as number;
}
