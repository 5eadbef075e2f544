import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { changeCodes, isChangeCode, isReturnCode, returnCodes, returnReasonWords, type ChangeCode, type ReturnCode } from '@shared/domain/ach-return-codes';
import { routingProblem } from '@shared/domain/aba-routing';
import { deliverAfterCommit } from '../../mail/deliver';
import { bankAccountCorrectedMail, bankAccountProblemMail, paymentReturnedMail, type AutopayChange } from '../../mail/payment-mails';
import type { Db } from '../../store/db';
import { autopay, bankAccounts, payments } from '../../store/schema';
import { recordAudit } from '../audit';
import { announceAutopayChange } from './autopay';
import type { BankAccountCipher } from './bank-account-cipher';
import { lockGroupPayments } from './ledger';
import { publishPaymentChanges } from './payment-feed';
import { paymentMailContext, userContact } from './payment-recipients';
import { paymentOf } from './payment-views';
import type { PaymentsEnv } from './payments-env';

/** Who the audit log says applied what the bank sent back. */
const ACH_ACTOR = { actorUserId: 'system:ach', sessionId: null, ip: null };

/** Which entry the bank returned: by its trace number (as the returns file gives it), a payment's confirmation number, or a bank account (its prenote or micro-deposits). */
export type EntryRef = { trace: string } | { confirmationNumber: string } | { bankAccountId: string };

export interface ReturnApplied {
  /** `payment` for a debit, `verification` for a prenote or micro-deposit; `already` when this return was applied before. */
  kind: 'payment' | 'verification' | 'already';
  confirmationNumber: string | null;
  bankAccountId: string;
  accountDisabled: boolean;
  autopay: 'none' | 'suspended' | 'cancelled';
  /** Scheduled payments cancelled because the account or autopay stopped. */
  cancelledPayments: string[];
}

const paymentWhere = (ref: EntryRef): SQL | undefined =>
  'trace' in ref ? eq(payments.achTrace, ref.trace) : 'confirmationNumber' in ref ? eq(payments.confirmationNumber, ref.confirmationNumber) : undefined;

/**
 * Applies an ACH return. A returned debit becomes `returned` with its reason in plain words (shared
 * with the desktop), and the invoices it paid are open again. By code (shared/domain/ach-return-codes.ts):
 * the account is disabled when it cannot be debited again (closed, unknown, frozen, authorization
 * revoked) and the group's autopay on it is suspended or cancelled; scheduled payments that can no
 * longer go are cancelled. A returned prenote or micro-deposit fails the account's verification.
 * The payer and the primary administrators are e-mailed. Applying the same return twice changes
 * nothing the second time.
 */
export async function applyReturn(env: PaymentsEnv, input: EntryRef & { code: string }, now: Date): Promise<ReturnApplied> {
  if (!isReturnCode(input.code)) throw new ContractFailure('VALIDATION', `The plan does not act on return code ${input.code}.`, { code: 'Unknown return code' });
  const code = input.code;
  const rule = returnCodes[code];
  const words = returnReasonWords(code);
  const where = paymentWhere(input);
  const [payment] = where ? await env.db.select().from(payments).where(where) : [];
  if (!payment) return applyVerificationReturn(env, input, code, now);

  const outcome = await env.db.transaction(async (tx) => {
    await lockGroupPayments(tx, payment.groupNumber);
    const [row] = await tx.select().from(payments).where(eq(payments.confirmationNumber, payment.confirmationNumber)).for('update');
    if (!row) throw new Error('The payment disappeared');
    if (row.status === 'returned') return { applied: false as const };
    if (row.status !== 'processing' && row.status !== 'settled') {
      throw new ContractFailure('CONFLICT', `Payment ${row.confirmationNumber} is ${row.status}: it was never sent, so it cannot be returned.`);
    }
    await tx.update(payments).set({ status: 'returned', returnCode: code, returnReason: words, returnedAt: now }).where(eq(payments.confirmationNumber, row.confirmationNumber));
    const cancelled: string[] = [];
    if (rule.disablesAccount) {
      await tx.update(bankAccounts).set({ status: 'disabled', problem: words }).where(eq(bankAccounts.id, row.bankAccountId));
      cancelled.push(...(await cancelScheduled(tx, eq(payments.bankAccountId, row.bankAccountId), now)));
    }
    const autopayEffect = await stopAutopay(tx, row.groupNumber, row.bankAccountId, row.autopay, rule.autopay, words, now);
    if (autopayEffect !== 'none') cancelled.push(...(await cancelScheduled(tx, and(eq(payments.groupNumber, row.groupNumber), eq(payments.autopay, true)), now)));
    const cancelledPayments = [...new Set(cancelled)];
    await recordAudit(tx, { ...ACH_ACTOR, action: 'payment.return', target: `payment:${row.confirmationNumber}`, detail: { groupNumber: row.groupNumber, code, accountDisabled: rule.disablesAccount, autopay: autopayEffect, cancelledPayments }, at: now });
    await publishPaymentChanges(tx, row.groupNumber, [row.confirmationNumber, ...cancelledPayments], now);
    return { applied: true as const, autopayEffect, cancelledPayments };
  });
  if (!outcome.applied) return { kind: 'already', confirmationNumber: payment.confirmationNumber, bankAccountId: payment.bankAccountId, accountDisabled: false, autopay: 'none', cancelledPayments: [] };

  const consequences = [
    ...(rule.disablesAccount ? ['The plan will not debit this account again.'] : []),
    ...(outcome.autopayEffect === 'suspended' ? ['Autopay is suspended: enroll again in GroupDesk once the account can be debited.'] : []),
    ...(outcome.autopayEffect === 'cancelled' ? ['Autopay is cancelled, since the authorization was withdrawn.'] : []),
    ...(outcome.cancelledPayments.length > 0 ? [`Scheduled payments cancelled as a result: ${outcome.cancelledPayments.join(', ')}.`] : []),
    'Pay the open invoices in GroupDesk under Billing.',
  ];
  const returned = await paymentOf(env.db, payment.groupNumber, payment.confirmationNumber, now);
  const { group, primaryAdmins } = await paymentMailContext(env.db, payment.groupNumber, env.plan);
  const payer = await userContact(env.db, payment.submittedBy);
  for (const to of new Set([...(payer ? [payer.email] : []), ...primaryAdmins])) await deliverAfterCommit(env.mailer, paymentReturnedMail(to, group, returned, consequences), env.log);
  if (outcome.autopayEffect !== 'none') {
    await announceAutopayChange(env, payment.groupNumber, outcome.autopayEffect satisfies AutopayChange, { by: ACH_ACTOR.actorUserId, reason: words });
  }
  return { kind: 'payment', confirmationNumber: payment.confirmationNumber, bankAccountId: payment.bankAccountId, accountDisabled: rule.disablesAccount, autopay: outcome.autopayEffect, cancelledPayments: outcome.cancelledPayments };
}

/** Suspends or cancels the group's autopay when it debits this account (or made this debit). */
async function stopAutopay(tx: Db, groupNumber: string, bankAccountId: string, byAutopay: boolean, effect: 'none' | 'suspend' | 'cancel', reason: string, now: Date): Promise<'none' | 'suspended' | 'cancelled'> {
  if (effect === 'none') return 'none';
  const [row] = await tx.select().from(autopay).where(eq(autopay.groupNumber, groupNumber)).for('update');
  if (!row || row.status === 'cancelled' || (row.status === 'suspended' && effect === 'suspend')) return 'none';
  if (!byAutopay && row.bankAccountId !== bankAccountId) return 'none';
  const status = effect === 'cancel' ? 'cancelled' : 'suspended';
  await tx.update(autopay).set({ status, suspendedReason: reason, updatedAt: now }).where(eq(autopay.groupNumber, groupNumber));
  return status;
}

async function cancelScheduled(tx: Db, where: SQL | undefined, now: Date): Promise<string[]> {
  const rows = await tx
    .update(payments)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(payments.status, 'scheduled'), where))
    .returning({ confirmationNumber: payments.confirmationNumber });
  return rows.map((r) => r.confirmationNumber);
}

async function accountOf(db: Db, ref: EntryRef): Promise<typeof bankAccounts.$inferSelect> {
  const [viaPayment] = 'bankAccountId' in ref ? [] : await db.select({ id: payments.bankAccountId }).from(payments).where(paymentWhere(ref));
  const conditions = [
    ...('trace' in ref ? [eq(bankAccounts.achTrace, ref.trace)] : []),
    ...('bankAccountId' in ref ? [eq(bankAccounts.id, ref.bankAccountId)] : []),
    ...(viaPayment ? [eq(bankAccounts.id, viaPayment.id)] : []),
  ];
  const [account] = conditions.length === 0 ? [] : await db.select().from(bankAccounts).where(or(...conditions));
  if (!account) throw new ContractFailure('NOT_FOUND', `No payment or bank account matches ${JSON.stringify(ref)}.`);
  return account;
}

async function applyVerificationReturn(env: PaymentsEnv, ref: EntryRef, code: ReturnCode, now: Date): Promise<ReturnApplied> {
  const account = await accountOf(env.db, ref);
  const words = returnReasonWords(code);
  const status = returnCodes[code].disablesAccount ? 'disabled' : 'failed';
  const changed = await env.db.transaction(async (tx) => {
    await lockGroupPayments(tx, account.groupNumber);
    const updated = await tx
      .update(bankAccounts)
      .set({ status, problem: words })
      .where(and(eq(bankAccounts.id, account.id), inArray(bankAccounts.status, ['verifying', 'verified'])))
      .returning({ id: bankAccounts.id });
    if (updated.length === 0) return null;
    const cancelled = await cancelScheduled(tx, eq(payments.bankAccountId, account.id), now);
    const autopayEffect = await stopAutopay(tx, account.groupNumber, account.id, false, returnCodes[code].autopay === 'none' ? 'suspend' : returnCodes[code].autopay, words, now);
    await recordAudit(tx, { ...ACH_ACTOR, action: 'bank_account.verification_returned', target: `bank_account:${account.id}`, detail: { groupNumber: account.groupNumber, code, cancelled, autopay: autopayEffect }, at: now });
    await publishPaymentChanges(tx, account.groupNumber, cancelled, now);
    return { cancelled, autopayEffect };
  });
  if (!changed) return { kind: 'already', confirmationNumber: null, bankAccountId: account.id, accountDisabled: false, autopay: 'none', cancelledPayments: [] };
  const { group, primaryAdmins } = await paymentMailContext(env.db, account.groupNumber, env.plan);
  const addedBy = await userContact(env.db, account.addedBy);
  for (const to of new Set([...(addedBy ? [addedBy.email] : []), ...primaryAdmins])) await deliverAfterCommit(env.mailer, bankAccountProblemMail(to, group, account, words), env.log);
  if (changed.autopayEffect !== 'none') await announceAutopayChange(env, account.groupNumber, changed.autopayEffect, { by: ACH_ACTOR.actorUserId, reason: words });
  return { kind: 'verification', confirmationNumber: null, bankAccountId: account.id, accountDisabled: status === 'disabled', autopay: changed.autopayEffect, cancelledPayments: changed.cancelled };
}

/**
 * Applies a notification of change: the bank took the entry but corrects the account on file.
 * `correctedData` is the addenda's corrected-data field as the returns file gives it: C01 the account
 * number, C02 the routing number, C03 the routing number, then (after spaces) the account number.
 * The number is encrypted like any other; the primary administrators are e-mailed.
 */
export async function applyNotificationOfChange(
  env: PaymentsEnv,
  cipher: BankAccountCipher,
  input: EntryRef & { code: string; correctedData: string },
  now: Date,
): Promise<{ bankAccountId: string; code: ChangeCode }> {
  if (!isChangeCode(input.code)) throw new ContractFailure('VALIDATION', `The plan does not act on change code ${input.code}.`, { code: 'Unknown change code' });
  const code = input.code;
  const correction = correctionOf(code, input.correctedData);
  const account = await accountOf(env.db, input);
  const accountNumber = correction.accountNumber;
  const updated = await env.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bankAccounts)
      .set({
        ...(correction.routingNumber ? { routingNumber: correction.routingNumber } : {}),
        ...(accountNumber ? { accountNumberEncrypted: cipher.encrypt(accountNumber, account.id), accountLast4: accountNumber.slice(-4) } : {}),
        nocCode: code,
        nocAt: now,
      })
      .where(eq(bankAccounts.id, account.id))
      .returning();
    if (!row) throw new Error('The bank account disappeared');
    await recordAudit(tx, {
      ...ACH_ACTOR,
      action: 'bank_account.change_notice',
      target: `bank_account:${account.id}`,
      detail: { groupNumber: account.groupNumber, code, routingNumber: { before: account.routingNumber, after: row.routingNumber }, last4: { before: account.accountLast4, after: row.accountLast4 } },
      at: now,
    });
    return row;
  });
  const { group, primaryAdmins } = await paymentMailContext(env.db, account.groupNumber, env.plan);
  for (const to of primaryAdmins) await deliverAfterCommit(env.mailer, bankAccountCorrectedMail(to, group, updated, changeCodes[code].words), env.log);
  return { bankAccountId: account.id, code };
}

function correctionOf(code: ChangeCode, data: string): { routingNumber?: string; accountNumber?: string } {
  const corrects = changeCodes[code].corrects;
  const routingNumber = corrects === 'account' ? undefined : data.slice(0, 9);
  const accountNumber = corrects === 'routing' ? undefined : (corrects === 'account' ? data : data.slice(9)).replace(/[\s-]/g, '');
  if (routingNumber !== undefined && routingProblem(routingNumber) !== null) {
    throw new ContractFailure('VALIDATION', `The corrected routing number of a ${code} is not a valid routing number.`, { correctedData: 'Bad routing number' });
  }
  if (accountNumber !== undefined && !/^\d{4,17}$/.test(accountNumber)) {
    throw new ContractFailure('VALIDATION', `The corrected account number of a ${code} is not 4 to 17 digits.`, { correctedData: 'Bad account number' });
  }
  return { ...(routingNumber ? { routingNumber } : {}), ...(accountNumber ? { accountNumber } : {}) };
}
