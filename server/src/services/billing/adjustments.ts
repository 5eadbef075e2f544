import { sql } from 'drizzle-orm';
import type { CoverageTier, Group } from '@shared/contract/schemas/group';
import { earliestRetroDate } from '@shared/domain/retro-window';
import { familyMonthCharge, monthAdjustment, type ChangeCause, type MonthAdjustment } from '@shared/domain/month-billing';
import { addMonths, compareDates, maxDate } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { byFamily, coverageColumns, coverageOnFile, type CoverageColumnsRow, type CoverageOnFile } from './premium-lines';

export interface AdjustmentToIssue extends MonthAdjustment {
  /** The family's subscriber: adjustments are per contract, like the lines. */
  memberId: string;
  /** The month adjusted. */
  periodStart: string;
  planCode: string | null;
  tier: CoverageTier | null;
  confirmationNumber: string | null;
}

/** The last billing before this one: changes from then on may not be billed yet. */
export interface PreviousBilling {
  /** When the previous invoice was written (service clock). */
  createdAt: Date;
  /** The group's first invoiced month: months before it were never billed and are not back-billed. */
  firstPeriod: string;
}

/**
 * An eligibility transaction commits at most this long after the instant it is stamped with, so a
 * family changed by one that committed while the previous invoice was written is looked at again.
 */
const COMMIT_MARGIN_MS = 3_600_000;

interface PeriodWithCause extends CoverageOnFile {
  created: ChangeCauseAt | null;
  ended: ChangeCauseAt | null;
}
interface ChangeCauseAt extends ChangeCause {
  at: string;
}

type PeriodRow = CoverageColumnsRow & { created_by: string | null; created_at: string | null; ended_by: string | null; ended_at: string | null };

const causeOf = (number: string | null, at: string | null): ChangeCauseAt | null =>
  number === null || at === null ? null : { confirmationNumber: number, at, acceptedOn: at.slice(0, 10) };

/**
 * The adjustments the invoice of `periodStart` carries (docs/billing-rules.md#adjustments): every
 * month a change since the previous billing can reach is billed again for each family changed since,
 * and the difference from what the family was billed for it becomes a charge or a credit. Two reads
 * whatever the group's size, each in proportion to the families changed: their coverage, what they
 * were billed; nothing per member.
 */
export async function adjustmentsFor(tx: Db, group: Pick<Group, 'groupNumber' | 'plans' | 'policy'>, periodStart: string, previous: PreviousBilling | null): Promise<AdjustmentToIssue[]> {
  if (!previous) return [];
  const since = new Date(previous.createdAt.getTime() - COMMIT_MARGIN_MS);
  const firstMonth = maxDate(previous.firstPeriod, earliestRetroDate(group.policy, since.toISOString().slice(0, 10)));
  const months: string[] = [];
  for (let m = firstMonth; compareDates(m, periodStart) < 0; m = addMonths(m, 1)) months.push(m);
  if (months.length === 0) return [];

  // Families with a member written since (members_group_updated): read once, here; what they were
  // billed is then looked up for exactly the families whose coverage was read.
  const changed = sql`SELECT DISTINCT subscriber_id FROM members WHERE group_number = ${group.groupNumber} AND updated_at >= ${since.toISOString()}::timestamptz`;
  // Instants as ISO text in UTC, the plan's calendar (services/eligibility/context.ts).
  const periods = await tx.execute<PeriodRow>(sql`
    SELECT ${coverageColumns},
           c.created_by, to_char(ct.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_at,
           c.ended_by, to_char(et.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS ended_at
    FROM coverage_periods c JOIN members m ON m.member_id = c.member_id
    LEFT JOIN eligibility_transactions ct ON ct.confirmation_number = c.created_by
    LEFT JOIN eligibility_transactions et ON et.confirmation_number = c.ended_by
    WHERE c.group_number = ${group.groupNumber} AND m.subscriber_id IN (${changed})
    ORDER BY m.subscriber_id, c.start_date, c.id`);
  if (periods.rows.length === 0) return [];
  // One JSON parameter, however many families: a list of parameters has a ceiling.
  const families = JSON.stringify([...new Set(periods.rows.map((r) => r.subscriber_id))]);
  const billed = await tx.execute<{ member_id: string; period_start: string; cents: string | number }>(sql`
    WITH families AS (SELECT jsonb_array_elements_text(${families}::jsonb) AS subscriber_id)
    SELECT member_id, period_start, sum(cents) AS cents FROM (
      SELECT l.member_id, i.period_start::text AS period_start, l.amount_cents AS cents
      FROM invoices i JOIN invoice_lines l ON l.invoice_number = i.invoice_number
      WHERE i.group_number = ${group.groupNumber} AND i.period_start >= ${firstMonth}::date AND i.period_start < ${periodStart}::date
        AND l.member_id IN (SELECT subscriber_id FROM families)
      UNION ALL
      SELECT a.member_id, a.period_start::text, a.amount_cents
      FROM invoices i JOIN invoice_adjustments a ON a.invoice_number = i.invoice_number
      WHERE i.group_number = ${group.groupNumber} AND a.period_start >= ${firstMonth}::date AND a.period_start < ${periodStart}::date
        AND a.member_id IN (SELECT subscriber_id FROM families)
    ) AS b GROUP BY member_id, period_start`);
  const billedCents = new Map(billed.rows.map((r) => [`${r.member_id}/${r.period_start}`, Number(r.cents)]));

  const adjustments: AdjustmentToIssue[] = [];
  const withCauses: PeriodWithCause[] = periods.rows.map((r) => ({ ...coverageOnFile(r), created: causeOf(r.created_by, r.created_at), ended: causeOf(r.ended_by, r.ended_at) }));
  for (const [subscriberId, family] of byFamily(withCauses)) {
    for (const month of months) {
      const due = familyMonthCharge(subscriberId, family, month, group.plans, group.policy);
      const cause = causeFor(family, month);
      const adjustment = monthAdjustment({ monthStart: month, billedCents: billedCents.get(`${subscriberId}/${month}`) ?? 0, due, cause, policy: group.policy });
      if (!adjustment) continue;
      adjustments.push({ ...adjustment, memberId: subscriberId, periodStart: month, planCode: due?.planCode ?? null, tier: due?.tier ?? null, confirmationNumber: cause?.confirmationNumber ?? null });
    }
  }
  return adjustments;
}

/**
 * The transaction behind the family's bill for `month`: the latest that wrote a period billed that
 * month, or end-dated before the month a period that had started by then (so it no longer covers
 * the month's first day). Periods are never otherwise changed, so no other transaction can have.
 */
export function causeFor(family: readonly PeriodWithCause[], month: string): ChangeCause | null {
  let latest: ChangeCauseAt | null = null;
  const consider = (cause: ChangeCauseAt | null) => {
    if (cause && (latest === null || cause.at > latest.at || (cause.at === latest.at && cause.confirmationNumber > latest.confirmationNumber))) latest = cause;
  };
  for (const p of family) {
    if (compareDates(p.startDate, month) > 0) continue;
    if (p.endDate === null || compareDates(p.endDate, month) >= 0) consider(p.created);
    else consider(p.ended);
  }
  return latest;
}
