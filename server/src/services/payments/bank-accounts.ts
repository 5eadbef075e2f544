import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { addBusinessDays } from '@shared/domain/business-days';
import { settlementDate } from '@shared/domain/payment-dates';
import type { BankAccount, VerificationMethod } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { bankAccounts } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { randomCode } from '../random-code';
import type { BankAccountCipher } from './bank-account-cipher';
import { accountsInUse, bankAccountRow, bankAccountView, toBankAccount } from './bank-account-views';

export interface NewBankAccount {
  nickname: string;
  holderName: string;
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
  verification: VerificationMethod;
}

/** Micro-deposits: the user has this many tries to enter both amounts. */
export const MICRO_DEPOSIT_TRIES = 3;
/** A prenote's account is usable once this many banking days pass after it settles without a return. */
export const PRENOTE_WAIT_BANKING_DAYS = 3;

/** Adds an account for verification; the number is encrypted here and never leaves the service again. */
export async function addBankAccount(db: Db, cipher: BankAccountCipher, groupNumber: string, input: NewBankAccount, actor: Actor, now: Date): Promise<BankAccount> {
  const micro = input.verification === 'micro_deposits';
  const id = `BA-${randomCode(8)}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bankAccounts)
      .values({
        id,
        groupNumber,
        nickname: input.nickname,
        holderName: input.holderName,
        routingNumber: input.routingNumber,
        accountNumberEncrypted: cipher.encrypt(input.accountNumber, id),
        accountLast4: input.accountNumber.slice(-4),
        accountType: input.accountType,
        verificationMethod: input.verification,
        // Two different amounts, so entering one twice is never right.
        ...(micro ? microDepositAmounts() : {}),
        triesLeft: micro ? MICRO_DEPOSIT_TRIES : null,
        addedBy: actor.actorUserId,
        addedAt: now,
      })
      .returning();
    if (!row) throw new Error('The bank account was not stored');
    await recordAudit(tx, { ...actor, action: 'bank_account.add', target: `bank_account:${row.id}`, detail: { groupNumber, last4: row.accountLast4, routingNumber: row.routingNumber, verification: row.verificationMethod }, at: now });
    return toBankAccount(row, false);
  });
}

function microDepositAmounts(): { microDeposit1Cents: number; microDeposit2Cents: number } {
  const first = randomInt(1, 100);
  let second = randomInt(1, 100);
  while (second === first) second = randomInt(1, 100);
  return { microDeposit1Cents: first, microDeposit2Cents: second };
}

/**
 * Removes an account, unless a scheduled or processing payment or the group's autopay uses it. An
 * account already removed is left as it is: a repeat of a removal whose answer was lost on its way
 * back is answered as the first one was, not refused as unknown.
 */
export async function removeBankAccount(db: Db, groupNumber: string, id: string, actor: Actor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Locked whether removed or not: a repeat racing the first waits for it, then finds it removed.
    const [current] = await tx
      .select({ removedAt: bankAccounts.removedAt })
      .from(bankAccounts)
      .where(and(eq(bankAccounts.id, id), eq(bankAccounts.groupNumber, groupNumber)))
      .for('update');
    if (current !== undefined && current.removedAt !== null) return;
    const row = await bankAccountRow(tx, groupNumber, id, true);
    if ((await accountsInUse(tx, [id])).has(id)) {
      throw new ContractFailure('RULE', `${row.nickname} (…${row.accountLast4}) pays a scheduled payment or autopay: cancel those, or move autopay to another account, first.`);
    }
    await tx.update(bankAccounts).set({ removedAt: now }).where(eq(bankAccounts.id, id));
    await recordAudit(tx, { ...actor, action: 'bank_account.remove', target: `bank_account:${id}`, detail: { groupNumber, last4: row.accountLast4 }, at: now });
  });
}

/**
 * Checks the two micro-deposit amounts the user read on the statement, in either order. A wrong
 * pair costs a try; the last wrong one fails the account. The attempt is committed either way, so
 * a refusal cannot be retried for free.
 */
export async function verifyMicroDeposits(db: Db, groupNumber: string, id: string, amounts: readonly [number, number], actor: Actor, now: Date): Promise<BankAccount> {
  const outcome = await db.transaction(async (tx) => {
    const row = await bankAccountRow(tx, groupNumber, id, true);
    if (row.verificationMethod !== 'micro_deposits') throw new ContractFailure('RULE', 'This account is verified by a prenote: there are no amounts to enter.');
    if (row.status !== 'verifying') throw new ContractFailure('RULE', `This account is ${row.status} already: there is nothing to verify.`);
    if (!row.depositsSent) throw new ContractFailure('RULE', 'The two deposits have not been sent yet: look for them on your statement in a few business days.');
    const expected = [row.microDeposit1Cents, row.microDeposit2Cents].sort((a, b) => (a ?? 0) - (b ?? 0));
    const given = [...amounts].sort((a, b) => a - b);
    const right = expected[0] === given[0] && expected[1] === given[1];
    const triesLeft = right ? (row.triesLeft ?? 0) : Math.max(0, (row.triesLeft ?? 0) - 1);
    const status = right ? 'verified' : triesLeft === 0 ? 'failed' : 'verifying';
    const problem = status === 'failed' ? 'The deposit amounts were entered wrong three times. Add the account again to get new deposits.' : null;
    const [updated] = await tx.update(bankAccounts).set({ status, triesLeft, problem }).where(eq(bankAccounts.id, id)).returning();
    if (!updated) throw new Error('The bank account was not updated');
    await recordAudit(tx, { ...actor, action: 'bank_account.verify', target: `bank_account:${id}`, detail: { groupNumber, right, triesLeft }, at: now });
    return { right, account: await bankAccountView(tx, updated) };
  });
  if (!outcome.right) {
    const left = outcome.account.verification.triesLeft ?? 0;
    throw new ContractFailure(
      'VALIDATION',
      left > 0 ? `Those are not the amounts we sent. ${left} ${left === 1 ? 'try' : 'tries'} left.` : outcome.account.problem ?? 'The amounts are not right.',
      { amountsCents: 'Not the amounts sent' },
    );
  }
  return outcome.account;
}

/**
 * For the ACH file writer: the account's prenote or micro-deposits went into the file of `fileDate`
 * with this trace number. A prenote's account may be debited from three banking days after the
 * prenote settles (a return would have come by then); micro-deposits can be looked for and entered.
 */
export async function recordVerificationSent(db: Db, input: { bankAccountId: string; trace: string; fileDate: string }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(bankAccounts).where(eq(bankAccounts.id, input.bankAccountId)).for('update');
    if (!row) throw new ContractFailure('NOT_FOUND', `There is no bank account ${input.bankAccountId}.`);
    const prenote = row.verificationMethod === 'prenote';
    await tx
      .update(bankAccounts)
      .set({
        achTrace: input.trace,
        achFileDate: input.fileDate,
        ...(prenote
          ? { prenoteSentOn: input.fileDate, usableFrom: addBusinessDays(settlementDate(input.fileDate), PRENOTE_WAIT_BANKING_DAYS), status: row.status === 'verifying' ? 'verified' : row.status }
          : { depositsSent: true }),
      })
      .where(eq(bankAccounts.id, row.id));
    await recordAudit(tx, { actorUserId: 'system:ach', sessionId: null, ip: null, action: 'bank_account.verification_sent', target: `bank_account:${row.id}`, detail: { fileDate: input.fileDate }, at: now });
  });
}
