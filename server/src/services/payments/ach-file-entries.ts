import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { AccountType } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { bankAccounts, groups, payments } from '../../store/schema';
import type { BankAccountCipher } from './bank-account-cipher';

/** Where an entry goes: the account as the bank knows it, the number decrypted for the file only. */
export interface FileAccount {
  bankAccountId: string;
  groupNumber: string;
  companyName: string;
  holderName: string;
  routingNumber: string;
  accountNumber: string;
  accountType: AccountType;
}

export interface DebitForFile extends FileAccount {
  confirmationNumber: string;
  amountCents: number;
  paymentDate: string;
}

export interface VerificationForFile extends FileAccount {
  method: 'prenote' | 'micro_deposits';
  /** The two credits of micro-deposits, in cents; empty for a prenote (a zero-dollar entry). */
  creditsCents: number[];
}

/**
 * For the ACH file writer: the debits a file of `fileDate` carries, oldest first. Every scheduled
 * payment dated that day or before (one the writer missed, on a day the service was down, goes in
 * the next file rather than never); the writer then calls recordPaymentsSent with their traces.
 */
export async function debitsForFile(db: Db, cipher: BankAccountCipher, fileDate: string): Promise<DebitForFile[]> {
  const rows = await db
    .select({ payment: payments, account: bankAccounts, companyName: groups.name })
    .from(payments)
    .innerJoin(bankAccounts, eq(bankAccounts.id, payments.bankAccountId))
    .innerJoin(groups, eq(groups.groupNumber, payments.groupNumber))
    .where(and(eq(payments.status, 'scheduled'), lte(payments.paymentDate, fileDate)))
    .orderBy(asc(payments.paymentDate), asc(payments.submittedAt), asc(payments.confirmationNumber));
  return rows.map(({ payment, account, companyName }) => ({
    ...fileAccount(account, companyName, cipher),
    confirmationNumber: payment.confirmationNumber,
    amountCents: payment.amountCents,
    paymentDate: payment.paymentDate,
  }));
}

/** For the ACH file writer: accounts whose prenote or micro-deposits have not gone out yet; it then calls recordVerificationSent. */
export async function verificationsForFile(db: Db, cipher: BankAccountCipher): Promise<VerificationForFile[]> {
  const rows = await db
    .select({ account: bankAccounts, companyName: groups.name })
    .from(bankAccounts)
    .innerJoin(groups, eq(groups.groupNumber, bankAccounts.groupNumber))
    .where(and(eq(bankAccounts.status, 'verifying'), isNull(bankAccounts.achTrace), isNull(bankAccounts.removedAt)))
    .orderBy(asc(bankAccounts.addedAt), asc(bankAccounts.id));
  return rows.map(({ account, companyName }) => ({
    ...fileAccount(account, companyName, cipher),
    method: account.verificationMethod,
    creditsCents: account.verificationMethod === 'micro_deposits' ? [account.microDeposit1Cents ?? 0, account.microDeposit2Cents ?? 0] : [],
  }));
}

function fileAccount(account: typeof bankAccounts.$inferSelect, companyName: string, cipher: BankAccountCipher): FileAccount {
  return {
    bankAccountId: account.id,
    groupNumber: account.groupNumber,
    companyName,
    holderName: account.holderName,
    routingNumber: account.routingNumber,
    accountNumber: cipher.decrypt(account.accountNumberEncrypted, account.id),
    accountType: account.accountType,
  };
}
