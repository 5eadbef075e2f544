import { and, eq, inArray } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { allocateOldestFirst } from '@shared/domain/payment-allocation';
import { paymentDateProblem, planBankingDay, settlementDate } from '@shared/domain/payment-dates';
import { formatUsd } from '@shared/util/money';
import type { Db } from '../../store/db';
import { invoices, paymentAllocations, payments } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { randomCode } from '../random-code';
import { bankAccountRow } from './bank-account-views';
import { allocatedByInvoice, lockGroupPayments, openCentsOf } from './ledger';
import { publishPaymentChanges } from './payment-feed';

export interface PaymentToSchedule {
  groupNumber: string;
  invoiceNumbers: readonly string[];
  amountCents: number;
  bankAccountId: string;
  paymentDate: string;
  authorizationVersion: string;
  /** Set for autopay's debit of one invoice: at most one per invoice, ever. */
  autopayInvoiceNumber?: string;
}

/** `PAY-261207-7KQ4M2`: the plan's banking day of submission, then six random Crockford characters. */
const confirmationNumberOf = (now: Date): string => `PAY-${planBankingDay(now).replace(/-/g, '').slice(2)}-${randomCode(6)}`;

/**
 * Schedules a debit inside the caller's transaction: the named invoices must be the group's and open,
 * the amount at most what is open on them (their amounts less what counting payments allocated) and
 * spread oldest first; the account verified (a prenote's only from its usable day); the date a
 * business day from the earliest the cut-off allows up to the earliest due date among the invoices
 * it pays. Writers of one group run one after the other, so two payments never share an invoice's
 * last dollar. Audited, and on the group's feed. Returns the confirmation number.
 */
export async function schedulePayment(tx: Db, input: PaymentToSchedule, actor: Actor, now: Date): Promise<string> {
  const { groupNumber } = input;
  await lockGroupPayments(tx, groupNumber);
  const named = [...new Set(input.invoiceNumbers)];
  const rows = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.groupNumber, groupNumber), inArray(invoices.invoiceNumber, named)));
  const missing = named.filter((n) => !rows.some((r) => r.invoiceNumber === n));
  if (missing.length > 0) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${missing.join(', ')}.`, { invoiceNumbers: 'Unknown invoice' });
  const allocated = await allocatedByInvoice(tx, named);
  const open = rows.map((r) => ({ invoiceNumber: r.invoiceNumber, periodStart: r.periodStart, dueDate: r.dueDate, openCents: openCentsOf(r, allocated.get(r.invoiceNumber) ?? 0) }));
  const totalOpen = open.reduce((sum, i) => sum + i.openCents, 0);
  if (totalOpen === 0) throw new ContractFailure('RULE', 'Nothing is open on these invoices: they are paid, or payments already scheduled cover them.', { invoiceNumbers: 'Nothing open' });
  if (input.amountCents > totalOpen) {
    throw new ContractFailure('RULE', `${formatUsd(input.amountCents)} is more than these invoices owe (${formatUsd(totalOpen)}, less payments already scheduled). Pay at most that.`, { amountCents: 'More than is open' });
  }
  const { allocations } = allocateOldestFirst(input.amountCents, open);
  const paid = new Set(allocations.map((a) => a.invoiceNumber));
  const dueDate = open.filter((i) => paid.has(i.invoiceNumber)).map((i) => i.dueDate).sort()[0] ?? null;
  const dateProblem = paymentDateProblem(input.paymentDate, now, dueDate);
  if (dateProblem) throw new ContractFailure('VALIDATION', dateProblem, { paymentDate: dateProblem });

  const account = await bankAccountRow(tx, groupNumber, input.bankAccountId);
  if (account.status !== 'verified') {
    throw new ContractFailure('RULE', account.problem ?? `${account.nickname} (…${account.accountLast4}) is not verified yet: it cannot be debited until it is.`, { bankAccountId: 'Not verified' });
  }
  if (account.usableFrom !== null && input.paymentDate < account.usableFrom) {
    throw new ContractFailure('RULE', `${account.nickname} (…${account.accountLast4}) can be debited from ${account.usableFrom}, once its test entry has cleared: choose that day or later.`, { paymentDate: `From ${account.usableFrom}` });
  }

  const confirmationNumber = confirmationNumberOf(now);
  await tx.insert(payments).values({
    confirmationNumber,
    groupNumber,
    bankAccountId: account.id,
    amountCents: input.amountCents,
    paymentDate: input.paymentDate,
    settlementDate: settlementDate(input.paymentDate),
    autopay: input.autopayInvoiceNumber !== undefined,
    autopayInvoiceNumber: input.autopayInvoiceNumber ?? null,
    submittedBy: actor.actorUserId,
    submittedAt: now,
    authorizationVersion: input.authorizationVersion,
  });
  await tx.insert(paymentAllocations).values(allocations.map((a) => ({ confirmationNumber, ...a })));
  await recordAudit(tx, {
    ...actor,
    action: 'payment.schedule',
    target: `payment:${confirmationNumber}`,
    detail: { groupNumber, amountCents: input.amountCents, paymentDate: input.paymentDate, bankAccountId: account.id, allocations, autopay: input.autopayInvoiceNumber !== undefined },
    at: now,
  });
  await publishPaymentChanges(tx, groupNumber, [confirmationNumber], now);
  return confirmationNumber;
}
