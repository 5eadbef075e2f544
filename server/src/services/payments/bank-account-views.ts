import { and, eq, isNull, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { BankAccount } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { autopay, bankAccounts, payments } from '../../store/schema';

export type BankAccountRow = typeof bankAccounts.$inferSelect;

/** An account as every answer shows it: never the number, never the micro-deposit amounts. */
export function toBankAccount(row: BankAccountRow, inUse: boolean): BankAccount {
  return {
    id: row.id,
    nickname: row.nickname,
    holderName: row.holderName,
    routingNumber: row.routingNumber,
    accountLast4: row.accountLast4,
    accountType: row.accountType,
    status: row.status,
    verification: {
      method: row.verificationMethod,
      usableFrom: row.usableFrom,
      triesLeft: row.triesLeft,
      depositsSent: row.depositsSent,
    },
    problem: row.problem,
    inUse,
    addedBy: row.addedBy,
    addedAt: row.addedAt.toISOString(),
  };
}

/** The group's account (not removed), or 404: another group's is answered as one that does not exist. */
export async function bankAccountRow(db: Db, groupNumber: string, id: string, lock = false): Promise<BankAccountRow> {
  const query = db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.id, id), eq(bankAccounts.groupNumber, groupNumber), isNull(bankAccounts.removedAt)));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no bank account ${id}.`);
  return row;
}

/** Which of these accounts a scheduled or processing payment, or autopay not cancelled, uses. */
export async function accountsInUse(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute<{ id: string }>(sql`
    SELECT DISTINCT bank_account_id AS id FROM ${payments}
    WHERE bank_account_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND status IN ('scheduled', 'processing')
    UNION
    SELECT bank_account_id FROM ${autopay}
    WHERE bank_account_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND status <> 'cancelled'`);
  return new Set(rows.rows.map((r) => r.id));
}

export async function bankAccountView(db: Db, row: BankAccountRow): Promise<BankAccount> {
  return toBankAccount(row, (await accountsInUse(db, [row.id])).has(row.id));
}

/** The group's accounts, oldest first, removed ones left out. */
export async function listBankAccounts(db: Db, groupNumber: string): Promise<{ accounts: BankAccount[] }> {
  const rows = await db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.groupNumber, groupNumber), isNull(bankAccounts.removedAt)))
    .orderBy(bankAccounts.addedAt, bankAccounts.id);
  const inUse = await accountsInUse(db, rows.map((r) => r.id));
  return { accounts: rows.map((row) => toBankAccount(row, inUse.has(row.id))) };
}
