import { desc, eq, sql } from 'drizzle-orm';
import { addBusinessDays, isBusinessDay } from '@shared/domain/business-days';
import { cutoffOf, planBankingDay } from '@shared/domain/payment-dates';
import type { AchSettings } from '../ach/ach-settings';
import { writeNachaFile, type AchFileInput } from '../ach/nacha-file';
import type { Db } from '../../store/db';
import { achFiles } from '../../store/schema';
import { debitsForFile, verificationsForFile, type DebitForFile, type VerificationForFile } from './ach-file-entries';
import type { BankAccountCipher } from './bank-account-cipher';
import { recordVerificationSent } from './bank-accounts';
import { recordPaymentsSent } from './payment-progress';
import { planTime } from './remittance';

/** Key of the advisory lock that lets one writer at a time decide a day's file (job passes, operators, other instances). */
const ACH_FILE_LOCK = 0x4_1c_4f_11;

export interface DayFile {
  fileDate: string;
  /** The file as sent; null when the day had nothing to send. */
  text: string | null;
  entryCount: number;
  totalDebitCents: number;
  totalCreditCents: number;
  /** False when the day's file was written before: this is the stored one, and nothing changed. */
  writtenNow: boolean;
}

export type DayFileOutcome = { outcome: 'file'; file: DayFile } | { outcome: 'not_business_day' } | { outcome: 'before_cutoff'; cutoff: string };

/**
 * The ACH origination file of `fileDate`: the debits dated that day or before not yet in a file and
 * the prenotes and micro-deposits not yet sent. Written once, after the day's cut-off (until then a
 * payment of the day can still be cancelled), in one transaction with what it records: the payments
 * go to processing with their trace numbers, the verifications are marked sent, and the text is
 * stored, so asking for the day again returns the same bytes and changes nothing. `early` is the
 * operator's choice to send it before the cut-off (a bank that takes files early, a drill): the
 * day's payments are then processing and can no longer be cancelled.
 */
export async function writeDayFile(db: Db, cipher: BankAccountCipher, origin: AchSettings['origin'], fileDate: string, now: Date, options: { early?: boolean } = {}): Promise<DayFileOutcome> {
  if (!isBusinessDay(fileDate)) return { outcome: 'not_business_day' };
  const cutoff = cutoffOf(fileDate);
  if (options.early !== true && now.getTime() < Date.parse(cutoff)) return { outcome: 'before_cutoff', cutoff };
  const file = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACH_FILE_LOCK})`);
    const [stored] = await tx.select().from(achFiles).where(eq(achFiles.fileDate, fileDate));
    if (stored) return { ...stored, writtenNow: false };
    const debits = await debitsForFile(tx, cipher, fileDate);
    const verifications = await verificationsForFile(tx, cipher);
    const sequences = await traceSequences(tx, debits.length + verifications.reduce((n, v) => n + entriesOf(v), 0));
    const traceOf = (sequence: number): string => origin.odfiRouting.slice(0, 8) + String(sequence).padStart(7, '0');
    const entries: AchFileInput['entries'] = [];
    const sentPayments = debits.map((debit) => {
      const sequence = take(sequences);
      entries.push(debitEntry(debit, sequence));
      return { confirmationNumber: debit.confirmationNumber, trace: traceOf(sequence) };
    });
    const sentVerifications = verifications.map((verification) => {
      const written = verificationEntries(verification, sequences);
      entries.push(...written);
      return { bankAccountId: verification.bankAccountId, trace: traceOf(written[0]?.traceSequence ?? 0) };
    });
    const row = { fileDate, createdAt: now, text: null as string | null, entryCount: 0, totalDebitCents: 0, totalCreditCents: 0 };
    if (entries.length > 0) {
      const written = writeNachaFile({ ...origin, originBankRouting: origin.odfiRouting, fileDate, fileTime: planTime(now), fileIdModifier: 'A', entries });
      Object.assign(row, { text: written.text, entryCount: written.entryCount, totalDebitCents: written.totalDebitCents, totalCreditCents: written.totalCreditCents });
    }
    await recordPaymentsSent(tx, { fileDate, entries: sentPayments }, now);
    for (const sent of sentVerifications) await recordVerificationSent(tx, { ...sent, fileDate }, now);
    await tx.insert(achFiles).values(row);
    return { ...row, writtenNow: true };
  });
  const { text, entryCount, totalDebitCents, totalCreditCents, writtenNow } = file;
  return { outcome: 'file', file: { fileDate, text, entryCount, totalDebitCents, totalCreditCents, writtenNow } };
}

/**
 * The business days whose files are due by `now` and not written: from the day after the last file
 * written through the latest day whose cut-off has passed, so days the service was down are caught
 * up oldest first. Before any file, only the latest such day.
 */
export async function dayFilesDue(db: Db, now: Date): Promise<string[]> {
  const today = planBankingDay(now);
  const latestDue = isBusinessDay(today) && now.getTime() >= Date.parse(cutoffOf(today)) ? today : addBusinessDays(today, -1);
  const [last] = await db.select({ fileDate: achFiles.fileDate }).from(achFiles).orderBy(desc(achFiles.fileDate)).limit(1);
  const days: string[] = [];
  for (let day = last ? addBusinessDays(last.fileDate, 1) : latestDue; day <= latestDue; day = addBusinessDays(day, 1)) days.push(day);
  return days;
}

/** Draws `count` trace sequences at once: trace numbers stay unique across days, as returns name entries by them. */
async function traceSequences(tx: Db, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await tx.execute<{ n: string | number }>(sql`SELECT nextval('ach_trace_sequence') AS n FROM generate_series(1, ${count})`);
  return result.rows.map((r) => Number(r.n));
}

function take(sequences: number[]): number {
  const next = sequences.shift();
  if (next === undefined) throw new Error('Fewer trace sequences were drawn than entries written');
  return next;
}

/** A prenote is one entry; micro-deposits are two credits and the debit that takes them back. */
const entriesOf = (verification: VerificationForFile): number => (verification.method === 'prenote' ? 1 : verification.creditsCents.length + 1);

const accountOf = (entry: DebitForFile | VerificationForFile) => ({
  accountType: entry.accountType,
  routing: entry.routingNumber,
  accountNumber: entry.accountNumber,
  individualId: entry.groupNumber,
  receiverName: entry.holderName,
});

const debitEntry = (debit: DebitForFile, traceSequence: number) => ({ kind: 'debit' as const, ...accountOf(debit), amountCents: debit.amountCents, traceSequence });

function verificationEntries(verification: VerificationForFile, sequences: number[]) {
  const account = accountOf(verification);
  if (verification.method === 'prenote') return [{ kind: 'prenote' as const, ...account, amountCents: 0, traceSequence: take(sequences) }];
  const credits = verification.creditsCents.map((amountCents) => ({ kind: 'micro_credit' as const, ...account, amountCents, traceSequence: take(sequences) }));
  const takenBack = verification.creditsCents.reduce((sum, cents) => sum + cents, 0);
  return [...credits, { kind: 'micro_debit' as const, ...account, amountCents: takenBack, traceSequence: take(sequences) }];
}
