import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { parseNachaReturns } from '../ach/nacha-returns';
import { achReturnImports, bankAccounts, payments } from '../../store/schema';
import { applyNotificationOfChange, applyReturn, type ReturnApplied } from './ach-returns';
import type { BankAccountCipher } from './bank-account-cipher';
import type { PaymentsEnv } from './payments-env';

export interface ImportedEntry {
  code: string;
  originalTrace: string;
  /** The payment's confirmation number or the bank account's ID; null when no entry of the plan has that trace. */
  target: string | null;
  /** What came of it, in words for the operator. */
  outcome: string;
  status: 'applied' | 'already' | 'unknown' | 'refused';
  line: number;
}

/**
 * Reads the bank's file of returns and notifications of change and applies each to the payment or
 * bank account its original trace number names (applyReturn, applyNotificationOfChange). Each
 * trace and code applied is recorded, so a file read twice acts once: the second time every entry
 * says it was imported before. An entry the plan cannot match, or a code it does not act on, is
 * reported and left for the operator; the rest of the file still applies. A file not laid out as
 * NACHA says is refused whole (VALIDATION) before anything changes.
 */
export async function importReturnsFile(env: PaymentsEnv, cipher: BankAccountCipher, text: string, now: Date): Promise<ImportedEntry[]> {
  const file = parseNachaReturns(text);
  const entries = [
    ...file.returns.map((r) => ({ kind: 'return' as const, code: r.code, known: r.known, originalTrace: r.originalTrace, line: r.line, correctedData: '' })),
    ...file.changes.map((c) => ({ kind: 'change' as const, code: c.code, known: c.known, originalTrace: c.originalTrace, line: c.line, correctedData: c.rawCorrectedData })),
  ].sort((a, b) => a.line - b.line);
  const imported: ImportedEntry[] = [];
  for (const entry of entries) {
    const base = { code: entry.code, originalTrace: entry.originalTrace, line: entry.line };
    const [before] = await env.db
      .select()
      .from(achReturnImports)
      .where(and(eq(achReturnImports.originalTrace, entry.originalTrace), eq(achReturnImports.code, entry.code)));
    if (before) {
      imported.push({ ...base, target: before.target, outcome: `imported before (${before.outcome})`, status: 'already' });
      continue;
    }
    const target = await targetOf(env, entry.originalTrace);
    if (!target) {
      imported.push({ ...base, target: null, outcome: 'no payment or bank account of the plan has this trace number', status: 'unknown' });
      continue;
    }
    if (!entry.known) {
      imported.push({ ...base, target, outcome: `the plan does not act on code ${entry.code}: handle it by hand`, status: 'refused' });
      continue;
    }
    let outcome: string;
    try {
      outcome =
        entry.kind === 'return'
          ? describeReturn(await applyReturn(env, { trace: entry.originalTrace, code: entry.code }, now))
          : (await applyNotificationOfChange(env, cipher, { trace: entry.originalTrace, code: entry.code, correctedData: entry.correctedData }, now), 'bank account corrected');
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      imported.push({ ...base, target, outcome: `not applied: ${error.message}`, status: 'refused' });
      continue;
    }
    await env.db.insert(achReturnImports).values({ originalTrace: entry.originalTrace, code: entry.code, target, outcome, importedAt: now }).onConflictDoNothing();
    imported.push({ ...base, target, outcome, status: 'applied' });
  }
  return imported;
}

async function targetOf(env: PaymentsEnv, trace: string): Promise<string | null> {
  const [payment] = await env.db.select({ confirmationNumber: payments.confirmationNumber }).from(payments).where(eq(payments.achTrace, trace));
  if (payment) return payment.confirmationNumber;
  const [account] = await env.db.select({ id: bankAccounts.id }).from(bankAccounts).where(eq(bankAccounts.achTrace, trace));
  return account?.id ?? null;
}

function describeReturn(applied: ReturnApplied): string {
  if (applied.kind === 'already') return 'returned before, nothing changed';
  const what = applied.kind === 'payment' ? ['payment returned, its invoices open again'] : ['verification failed'];
  if (applied.accountDisabled) what.push('account disabled');
  if (applied.autopay !== 'none') what.push(`autopay ${applied.autopay}`);
  if (applied.cancelledPayments.length > 0) what.push(`cancelled ${applied.cancelledPayments.join(' ')}`);
  return what.join('; ');
}
