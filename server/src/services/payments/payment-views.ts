import { and, desc, eq, inArray } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { cutoffOf } from '@shared/domain/payment-dates';
import type { Payment } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { bankAccounts, paymentAllocations, payments } from '../../store/schema';

export type PaymentRow = typeof payments.$inferSelect;

/** Until this instant a scheduled payment can be cancelled; null once it cannot (past its cut-off, or no longer scheduled). */
export function cancellableUntil(row: Pick<PaymentRow, 'status' | 'paymentDate'>, now: Date): string | null {
  if (row.status !== 'scheduled') return null;
  const cutoff = cutoffOf(row.paymentDate);
  return now.getTime() < Date.parse(cutoff) ? cutoff : null;
}

/**
 * The group's payments as answers and the feed show them, with their account's last four digits and
 * their allocations, newest first; `only` narrows to some confirmation numbers.
 */
export async function paymentsOf(db: Db, groupNumber: string, now: Date, only?: readonly string[]): Promise<Payment[]> {
  if (only?.length === 0) return [];
  const rows = await db
    .select({ payment: payments, account: { id: bankAccounts.id, nickname: bankAccounts.nickname, accountLast4: bankAccounts.accountLast4, accountType: bankAccounts.accountType } })
    .from(payments)
    .innerJoin(bankAccounts, eq(bankAccounts.id, payments.bankAccountId))
    .where(and(eq(payments.groupNumber, groupNumber), only ? inArray(payments.confirmationNumber, [...only]) : undefined))
    .orderBy(desc(payments.submittedAt), desc(payments.confirmationNumber));
  const allocations = rows.length === 0 ? [] : await db.select().from(paymentAllocations).where(inArray(paymentAllocations.confirmationNumber, rows.map((r) => r.payment.confirmationNumber)));
  return rows.map(({ payment: row, account }) => ({
    confirmationNumber: row.confirmationNumber,
    amountCents: row.amountCents,
    paymentDate: row.paymentDate,
    settlementDate: row.settlementDate,
    status: row.status,
    bankAccount: account,
    allocations: allocations
      .filter((a) => a.confirmationNumber === row.confirmationNumber)
      .sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber))
      .map((a) => ({ invoiceNumber: a.invoiceNumber, amountCents: a.amountCents })),
    autopay: row.autopay,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    cancellableUntil: cancellableUntil(row, now),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    settledAt: row.settledAt?.toISOString() ?? null,
    returnCode: row.returnCode,
    returnReason: row.returnReason,
    returnedAt: row.returnedAt?.toISOString() ?? null,
  }));
}

/** One payment of the group, or 404 (another group's is answered as one that does not exist). */
export async function paymentOf(db: Db, groupNumber: string, confirmationNumber: string, now: Date): Promise<Payment> {
  const [found] = await paymentsOf(db, groupNumber, now, [confirmationNumber]);
  if (!found) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no payment ${confirmationNumber}.`);
  return found;
}
