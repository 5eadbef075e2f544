import type { Database } from 'better-sqlite3';
import { autopayState, bankAccount, paymentAuthorization, type AutopayState, type BankAccount, type PaymentAuthorization } from '@shared/plan-api/payments';
import { statement } from '../statements';

/**
 * The owner of `bank_accounts_cache`, `autopay_cache` and `payment_authorizations`: what the plan last
 * answered about a group's bank accounts (the last four digits only: the plan never sends more),
 * its autopay, and the debit authorization texts, so those screens read offline. Each row holds the
 * plan's JSON as it came, read back through its schema.
 */

export function saveBankAccounts(db: Database, groupNumber: string, accounts: readonly BankAccount[], readAt: string): void {
  statement(
    db,
    `INSERT INTO bank_accounts_cache (group_number, accounts, read_at) VALUES (?, ?, ?)
     ON CONFLICT (group_number) DO UPDATE SET accounts = excluded.accounts, read_at = excluded.read_at`,
  ).run(groupNumber, JSON.stringify(accounts), readAt);
}

/** The accounts as last read from the plan, or null when they never were. */
export function cachedBankAccounts(db: Database, groupNumber: string): BankAccount[] | null {
  const text = statement(db, 'SELECT accounts FROM bank_accounts_cache WHERE group_number = ?').pluck().get(groupNumber);
  return text === undefined ? null : bankAccount.array().parse(JSON.parse(String(text)));
}

/** One account as the plan just answered it (added, verified): replaces its entry in the kept list. */
export function saveBankAccount(db: Database, groupNumber: string, account: BankAccount, readAt: string): void {
  const others = (cachedBankAccounts(db, groupNumber) ?? []).filter((a) => a.id !== account.id);
  saveBankAccounts(db, groupNumber, [...others, account], readAt);
}

export function saveAutopay(db: Database, groupNumber: string, state: AutopayState, readAt: string): void {
  statement(
    db,
    `INSERT INTO autopay_cache (group_number, state, read_at) VALUES (?, ?, ?)
     ON CONFLICT (group_number) DO UPDATE SET state = excluded.state, read_at = excluded.read_at`,
  ).run(groupNumber, JSON.stringify(state), readAt);
}

export function cachedAutopay(db: Database, groupNumber: string): AutopayState | null {
  const text = statement(db, 'SELECT state FROM autopay_cache WHERE group_number = ?').pluck().get(groupNumber);
  return text === undefined ? null : autopayState.parse(JSON.parse(String(text)));
}

export function saveAuthorization(db: Database, authorization: PaymentAuthorization, readAt: string): void {
  statement(
    db,
    `INSERT INTO payment_authorizations (kind, authorization, read_at) VALUES (?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET authorization = excluded.authorization, read_at = excluded.read_at`,
  ).run(authorization.kind, JSON.stringify(authorization), readAt);
}

export function cachedAuthorization(db: Database, kind: PaymentAuthorization['kind']): PaymentAuthorization | null {
  const text = statement(db, 'SELECT authorization FROM payment_authorizations WHERE kind = ?').pluck().get(kind);
  return text === undefined ? null : paymentAuthorization.parse(JSON.parse(String(text)));
}
