import { and, asc, eq } from 'drizzle-orm';
import { addBusinessDays, isBusinessDay } from '@shared/domain/business-days';
import { settlementDate } from '@shared/domain/payment-dates';
import type { Db } from '../../store/db';
import { bankAccounts, groups, invoices, paymentAllocations, payments } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { randomCode } from '../random-code';
import type { BankAccountCipher } from '../payments/bank-account-cipher';
import { addBankAccount } from '../payments/bank-accounts';
import { lockGroupPayments } from '../payments/ledger';
import { paymentAuthorizations } from '../payments/payment-authorization';
import { publishPaymentChanges } from '../payments/payment-feed';

/**
 * The account every sandbox group pays from: a real bank's routing number, so the ABA check and the
 * bank's name look as they would, and a made-up account number (the ACH file never leaves the sandbox).
 */
export const DEMO_ACCOUNT = { nickname: 'Operating account', routingNumber: '021000021', accountType: 'checking', last4: '6789' } as const;
/** NACHA's limit for the receiver's name, which the holder name becomes. */
const HOLDER_NAME_MAX = 22;

/**
 * A demo instant on a banking day: mid-morning Eastern (15:00 UTC is 10 or 11 a.m.), before the
 * 5 p.m. cut-off, so the payment's date is the day it was submitted.
 */
const morningOf = (date: string): Date => new Date(`${date}T15:00:00Z`);

/**
 * The day the demo paid an invoice due on `dueDate`: the banking day before the last banking day on
 * or before it, so the debit settles by the due date even when that falls on a weekend or holiday.
 */
export function demoPaymentDate(dueDate: string): string {
  const lastBankingDay = isBusinessDay(dueDate) ? dueDate : addBusinessDays(dueDate, -1);
  return addBusinessDays(lastBankingDay, -1);
}

/**
 * The group's demo account, added on the first seeding: encrypted and audited by the payments
 * service's own addBankAccount, then marked verified by micro-deposits as if the administrator had
 * entered the amounts, and dated `addedOn` so it predates the payment made from it. Kept on later
 * seedings, even if the user removed it since: past payments still name it.
 */
export async function ensureDemoBankAccount(tx: Db, cipher: BankAccountCipher, groupNumber: string, addedOn: string, actor: Actor, now: Date): Promise<string> {
  const [existing] = await tx
    .select({ id: bankAccounts.id })
    .from(bankAccounts)
    .where(
      and(
        eq(bankAccounts.groupNumber, groupNumber),
        eq(bankAccounts.nickname, DEMO_ACCOUNT.nickname),
        eq(bankAccounts.routingNumber, DEMO_ACCOUNT.routingNumber),
        eq(bankAccounts.accountLast4, DEMO_ACCOUNT.last4),
      ),
    )
    .orderBy(asc(bankAccounts.addedAt))
    .limit(1);
  if (existing) return existing.id;
  const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.groupNumber, groupNumber));
  if (!group) throw new Error(`Group ${groupNumber} is not there to add an account to`);
  const added = await addBankAccount(
    tx,
    cipher,
    groupNumber,
    {
      nickname: DEMO_ACCOUNT.nickname,
      holderName: group.name.slice(0, HOLDER_NAME_MAX).trimEnd(),
      routingNumber: DEMO_ACCOUNT.routingNumber,
      // Made up from the group number, so the two demo groups' accounts differ.
      accountNumber: `${groupNumber}00${DEMO_ACCOUNT.last4}`,
      accountType: DEMO_ACCOUNT.accountType,
      verification: 'micro_deposits',
    },
    actor,
    now,
  );
  await tx.update(bankAccounts).set({ status: 'verified', depositsSent: true, addedAt: morningOf(addedOn) }).where(eq(bankAccounts.id, added.id));
  await recordAudit(tx, { ...actor, action: 'sandbox.verify_bank_account', target: `bank_account:${added.id}`, detail: { groupNumber, last4: added.accountLast4 }, at: now });
  return added.id;
}

/**
 * Pays the invoice in full from the account, as a debit submitted on demoPaymentDate and settled the
 * next banking day, unless some payment (in any state) was already allocated to it. The payments
 * service's feed step then marks the invoice paid and puts the payment, and the invoice if its status
 * changed, on the group's feed. Runs inside the caller's transaction, as its last step. Returns the
 * confirmation number, or null when the invoice already had a payment or owes nothing.
 */
export async function seedSettledPayment(tx: Db, input: { groupNumber: string; invoiceNumber: string; bankAccountId: string }, actor: Actor, now: Date): Promise<string | null> {
  const { groupNumber, invoiceNumber } = input;
  await lockGroupPayments(tx, groupNumber);
  const [invoice] = await tx.select().from(invoices).where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.groupNumber, groupNumber)));
  if (!invoice) throw new Error(`Group ${groupNumber} has no invoice ${invoiceNumber}`);
  const [paidBefore] = await tx.select({ n: paymentAllocations.confirmationNumber }).from(paymentAllocations).where(eq(paymentAllocations.invoiceNumber, invoiceNumber)).limit(1);
  if (paidBefore || invoice.amountCents <= 0) return null;
  const paymentDate = demoPaymentDate(invoice.dueDate);
  const settledOn = settlementDate(paymentDate);
  // The payments service's format: PAY-<YYMMDD submitted>-<six Crockford characters>.
  const confirmationNumber = `PAY-${paymentDate.replace(/-/g, '').slice(2)}-${randomCode(6)}`;
  await tx.insert(payments).values({
    confirmationNumber,
    groupNumber,
    bankAccountId: input.bankAccountId,
    amountCents: invoice.amountCents,
    paymentDate,
    settlementDate: settledOn,
    status: 'settled',
    submittedBy: actor.actorUserId,
    submittedAt: morningOf(paymentDate),
    // The ledger's instant, not the story's date: an invoice receives the payments that settled after
    // the previous invoice was written, and the seed writes that invoice just before.
    settledAt: now,
    authorizationVersion: paymentAuthorizations.payment.version,
  });
  await tx.insert(paymentAllocations).values({ confirmationNumber, invoiceNumber, amountCents: invoice.amountCents });
  await recordAudit(tx, { ...actor, action: 'sandbox.pay_invoice', target: `payment:${confirmationNumber}`, detail: { groupNumber, invoiceNumber, amountCents: invoice.amountCents, paymentDate }, at: now });
  await publishPaymentChanges(tx, groupNumber, [confirmationNumber], now);
  return confirmationNumber;
}
