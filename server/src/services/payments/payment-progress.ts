import { and, eq, inArray, lte } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { planBankingDay } from '@shared/domain/payment-dates';
import type { Db } from '../../store/db';
import { payments } from '../../store/schema';
import { lockGroupPayments } from './ledger';
import { publishPaymentChanges } from './payment-feed';

/**
 * How a payment moves after it is scheduled, for the ACH file writer and the payments job: into a
 * file (processing), then settled on its settlement date. Each group's payments change in one
 * transaction of their own, with their feed entries and invoice statuses.
 */

/** For the ACH file writer: these scheduled payments went into the file of `fileDate` with these trace numbers. */
export async function recordPaymentsSent(db: Db, input: { fileDate: string; entries: readonly { confirmationNumber: string; trace: string }[] }, now: Date): Promise<void> {
  if (input.entries.length === 0) return;
  const rows = await db
    .select({ confirmationNumber: payments.confirmationNumber, groupNumber: payments.groupNumber })
    .from(payments)
    .where(inArray(payments.confirmationNumber, input.entries.map((e) => e.confirmationNumber)));
  const traces = new Map(input.entries.map((e) => [e.confirmationNumber, e.trace]));
  for (const [groupNumber, numbers] of byGroup(rows)) {
    await db.transaction(async (tx) => {
      await lockGroupPayments(tx, groupNumber);
      for (const confirmationNumber of numbers) {
        const updated = await tx
          .update(payments)
          .set({ status: 'processing', achTrace: traces.get(confirmationNumber) ?? null, achFileDate: input.fileDate })
          .where(and(eq(payments.confirmationNumber, confirmationNumber), eq(payments.status, 'scheduled')))
          .returning({ confirmationNumber: payments.confirmationNumber });
        if (updated.length === 0) throw new ContractFailure('CONFLICT', `Payment ${confirmationNumber} is not scheduled: it cannot go into a file.`);
      }
      await publishPaymentChanges(tx, groupNumber, numbers, now);
    });
  }
}

/**
 * Settles every processing payment whose settlement date has come (the plan's banking day, Eastern):
 * the invoices it covers in full become paid. A return that comes later re-opens them. Returns the
 * confirmation numbers settled.
 */
export async function settleDue(db: Db, now: Date): Promise<string[]> {
  const today = planBankingDay(now);
  const due = await db
    .select({ confirmationNumber: payments.confirmationNumber, groupNumber: payments.groupNumber })
    .from(payments)
    .where(and(eq(payments.status, 'processing'), lte(payments.settlementDate, today)));
  const settled: string[] = [];
  for (const [groupNumber, numbers] of byGroup(due)) {
    await db.transaction(async (tx) => {
      await lockGroupPayments(tx, groupNumber);
      const done = await tx
        .update(payments)
        .set({ status: 'settled', settledAt: now })
        .where(and(inArray(payments.confirmationNumber, numbers), eq(payments.status, 'processing')))
        .returning({ confirmationNumber: payments.confirmationNumber });
      const numbersDone = done.map((d) => d.confirmationNumber);
      await publishPaymentChanges(tx, groupNumber, numbersDone, now);
      settled.push(...numbersDone);
    });
  }
  return settled;
}

function byGroup(rows: readonly { confirmationNumber: string; groupNumber: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.groupNumber, [...(groups.get(row.groupNumber) ?? []), row.confirmationNumber]);
  return groups;
}
