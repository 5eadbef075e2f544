import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { endOfMonth } from '@shared/util/dates';
import { planBankingDay, PAYMENT_CUTOFF } from '@shared/domain/payment-dates';
import type { AchSettings } from '../ach/ach-settings';
import { writeRemittance820, type RemittancePayment } from '../ach/x12-820';
import type { Db } from '../../store/db';
import { bankAccounts, groups, invoices, paymentAllocations, payments } from '../../store/schema';

export type RemittanceSelection = { settlementDate: string } | { confirmationNumber: string };

/**
 * The X12 820 remittance of settled payments: those that settled on a day, or one payment. Each
 * names the invoices it paid (its allocations) with what it paid of each and what each billed, so
 * whoever books the money can apply it. Null when the day had no settled payment; a payment that is
 * not settled is a RULE failure (only money that arrived is remitted).
 */
export async function settledRemittance(db: Db, settings: AchSettings, selection: RemittanceSelection, now: Date): Promise<{ text: string; payments: string[] } | null> {
  const rows = await db
    .select({ payment: payments, routingNumber: bankAccounts.routingNumber, accountLast4: bankAccounts.accountLast4, groupName: groups.name })
    .from(payments)
    .innerJoin(bankAccounts, eq(bankAccounts.id, payments.bankAccountId))
    .innerJoin(groups, eq(groups.groupNumber, payments.groupNumber))
    .where('settlementDate' in selection ? and(eq(payments.status, 'settled'), eq(payments.settlementDate, selection.settlementDate)) : eq(payments.confirmationNumber, selection.confirmationNumber))
    .orderBy(asc(payments.confirmationNumber));
  if ('confirmationNumber' in selection) {
    const [row] = rows;
    if (!row) throw new ContractFailure('NOT_FOUND', `There is no payment ${selection.confirmationNumber}.`);
    if (row.payment.status !== 'settled') throw new ContractFailure('RULE', `Payment ${selection.confirmationNumber} is ${row.payment.status}: only settled payments are remitted.`);
  }
  if (rows.length === 0) return null;
  const allocations = await db
    .select({ confirmationNumber: paymentAllocations.confirmationNumber, paidCents: paymentAllocations.amountCents, invoiceNumber: invoices.invoiceNumber, billedCents: invoices.amountCents, periodStart: invoices.periodStart })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.invoiceNumber, paymentAllocations.invoiceNumber))
    .where(inArray(paymentAllocations.confirmationNumber, rows.map((r) => r.payment.confirmationNumber)))
    .orderBy(asc(invoices.periodStart), asc(invoices.invoiceNumber));
  const remitted: RemittancePayment[] = rows.map(({ payment, routingNumber, accountLast4, groupName }) => ({
    confirmationNumber: payment.confirmationNumber,
    groupNumber: payment.groupNumber,
    amountCents: payment.amountCents,
    settlementDate: payment.settlementDate,
    payer: { name: groupName, bankRouting: routingNumber, accountLast4 },
    invoices: allocations
      .filter((a) => a.confirmationNumber === payment.confirmationNumber)
      .map((a) => ({ invoiceNumber: a.invoiceNumber, paidCents: a.paidCents, billedCents: a.billedCents, periodStart: a.periodStart, periodEnd: endOfMonth(a.periodStart) })),
  }));
  const control = await db.execute<{ n: string | number }>(sql`SELECT nextval('x12_interchange_control') AS n`);
  const text = writeRemittance820({
    ...settings.remittance,
    createdOn: planBankingDay(now),
    createdTime: planTime(now),
    controlNumber: Number(control.rows[0]?.n),
    originatingCompanyId: settings.origin.companyId,
    payments: remitted,
  });
  return { text, payments: remitted.map((p) => p.confirmationNumber) };
}

/** HHMM on the plan's clock (Eastern), where its banking day is. */
export function planTime(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: PAYMENT_CUTOFF.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}${part('minute')}`;
}
