import { asc, eq, max } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { groups, invoices } from '../../store/schema';
import type { Actor } from '../groups/create-group';
import { periodsDue } from './billing-calendar';
import { issueMonth } from './issue-invoice';

export interface BillingCycleInput {
  /** The plan's calendar day the cycle runs as of: invoices are issued on it. */
  asOf: string;
  /** One group only; all groups without it. */
  groupNumber?: string;
}

export interface CycleReport {
  asOf: string;
  issued: { groupNumber: string; periodStart: string; invoiceNumber: string; totalDueCents: number }[];
  /** Months another issuer (a concurrent pass, an operator) had issued first. */
  alreadyIssued: number;
  /** Months with nobody covered and nothing to adjust, looked at again next pass. */
  nothingToBill: number;
  /** A group whose month failed: its later months wait, so invoices stay in order. */
  failed: { groupNumber: string; periodStart: string; error: Error }[];
}

/**
 * Runs the billing cycle as of `asOf` (docs/billing-rules.md#calendar): every group's missing months
 * up to the latest the calendar has issued, oldest first. Idempotent: each month is issued once
 * (issueMonth's lock and unique key), so a second run, a concurrent one or an operator's command
 * finds the month issued and moves on. One group's failure does not stop the others.
 */
export async function runBillingCycle(db: Db, input: BillingCycleInput, actor: Actor, now: Date): Promise<CycleReport> {
  const report: CycleReport = { asOf: input.asOf, issued: [], alreadyIssued: 0, nothingToBill: 0, failed: [] };
  for (const { groupNumber, latest } of await groupsToBill(db, input.groupNumber)) {
    for (const periodStart of periodsDue(latest, input.asOf)) {
      try {
        const result = await issueMonth(db, { groupNumber, periodStart, issuedOn: input.asOf }, actor, now);
        if (result.outcome === 'issued') {
          const { invoiceNumber, totalDueCents } = result.issued.invoice;
          report.issued.push({ groupNumber, periodStart, invoiceNumber, totalDueCents });
        } else if (result.outcome === 'already_issued') report.alreadyIssued += 1;
        else report.nothingToBill += 1;
      } catch (error) {
        report.failed.push({ groupNumber, periodStart, error: error instanceof Error ? error : new Error(String(error)) });
        break;
      }
    }
  }
  return report;
}

/** Each group (or the one asked for) with its latest invoiced month, in group-number order. */
async function groupsToBill(db: Db, only: string | undefined): Promise<{ groupNumber: string; latest: string | null }[]> {
  const query = db
    .select({ groupNumber: groups.groupNumber, latest: max(invoices.periodStart) })
    .from(groups)
    .leftJoin(invoices, eq(invoices.groupNumber, groups.groupNumber))
    .groupBy(groups.groupNumber)
    .orderBy(asc(groups.groupNumber));
  const rows = await (only === undefined ? query : query.where(eq(groups.groupNumber, only)));
  if (only !== undefined && rows.length === 0) throw new ContractFailure('NOT_FOUND', `Group ${only} does not exist.`);
  return rows;
}
