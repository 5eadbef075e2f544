import { z } from 'zod';
import { ContractFailure, validationError } from '@shared/contract/errors';
import { isoDate } from '@shared/contract/schemas/primitives';
import { routingProblem, routingProblemMessages } from '@shared/domain/aba-routing';
import { settlementDate } from '@shared/domain/payment-dates';
import { accountTypes } from '@shared/plan-api/payments';
import { alpha, fitText, numeric, RECORD_LENGTH, yymmdd } from './fixed-width';

/**
 * The plan's ACH origination file for one business day, in NACHA's fixed-width layout. Employers'
 * premium payments are CCD debits (and zero-dollar prenotes) in a `HLTH PREM` batch; micro-deposits
 * that verify a new account are a separate `ACCTVERIFY` batch, as the rules for micro-entries ask.
 * Entries are written in trace order whatever order they come in, so the same day's input always
 * yields the same bytes: re-running the day's file must not produce a different one.
 */

/** A debit, a prenote (zero dollars), or one micro-deposit (credit under $1) or its offsetting debit. */
export const achEntryKinds = ['debit', 'prenote', 'micro_credit', 'micro_debit'] as const;
export type AchEntryKind = (typeof achEntryKinds)[number];

const routing = z.string().superRefine((value, ctx) => {
  const problem = routingProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: routingProblemMessages[problem] });
});

const MAX_ENTRY_CENTS = 9_999_999_999;
const MAX_TRACE_SEQUENCE = 9_999_999;
/** Nacha caps each micro-entry credit below $1.00. */
const MAX_MICRO_CREDIT_CENTS = 99;

export const achEntry = z
  .object({
    kind: z.enum(achEntryKinds),
    accountType: z.enum(accountTypes),
    routing,
    accountNumber: z.string().regex(/^[0-9A-Za-z-]{1,17}$/, 'An account number is 1 to 17 letters, digits or dashes'),
    /** Whole cents: a float never reaches a money field. */
    amountCents: z.number().int('Amounts are whole cents').min(0).max(MAX_ENTRY_CENTS),
    /** The payer's group number, shown to the employer's bank as the entry's identification. */
    individualId: z.string().regex(/^[0-9A-Za-z -]{1,15}$/, 'The identification is 1 to 15 letters or digits'),
    receiverName: z.string().trim().min(1, "Name the account's holder"),
    /** The last seven digits of the trace number; unique in the file. */
    traceSequence: z.number().int().min(1).max(MAX_TRACE_SEQUENCE),
    /** Payment-related information of one 05 addenda, e.g. an X12 RMR segment naming the invoice. */
    addenda: z.string().min(1).max(80).optional(),
  })
  .superRefine((entry, ctx) => {
    const problem = amountProblem(entry.kind, entry.amountCents);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['amountCents'], message: problem });
  });
export type AchEntry = z.infer<typeof achEntry>;

function amountProblem(kind: AchEntryKind, cents: number): string | null {
  if (kind === 'prenote') return cents === 0 ? null : 'A prenote is zero dollars';
  if (cents === 0) return 'Only a prenote is zero dollars';
  if (kind === 'micro_credit' && cents > MAX_MICRO_CREDIT_CENTS) return 'A micro-deposit is under $1.00';
  return null;
}

export const achFileInput = z.object({
  /** The business day the file is sent; its entries take effect the next banking day. */
  fileDate: isoDate,
  /** HHMM, the plan's time of writing. */
  fileTime: z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'A time is HHMM'),
  /** A–Z or 0–9: tells apart two files sent the same day. */
  fileIdModifier: z.string().regex(/^[A-Z0-9]$/, 'One letter A–Z or digit'),
  /** The plan's bank (ODFI): the file's immediate destination and the first 8 digits of every trace number. */
  originBankRouting: routing,
  destinationName: z.string().min(1).max(23),
  originName: z.string().min(1).max(23),
  companyName: z.string().min(1).max(16),
  /** The plan's ACH Company Identification, conventionally `1` + its EIN: what employers' debit filters allow. */
  companyId: z.string().regex(/^[0-9A-Z]{10}$/, 'A company identification is 10 letters or digits'),
  entries: z.array(achEntry),
});
export type AchFileInput = z.input<typeof achFileInput>;

/** The file's text and what its control records say, for the operator's summary. */
export interface AchFile {
  text: string;
  effectiveEntryDate: string;
  batchCount: number;
  entryCount: number;
  totalDebitCents: number;
  totalCreditCents: number;
}

type ParsedInput = z.infer<typeof achFileInput>;

interface BatchSpec {
  description: 'HLTH PREM' | 'ACCTVERIFY';
  entries: AchEntry[];
}

interface Totals {
  count: number;
  hash: number;
  debits: number;
  credits: number;
}

const HASH_MODULUS = 10_000_000_000;
const MAX_TOTAL_CENTS = 999_999_999_999;
const BLOCKING_FACTOR = 10;
const FILLER = '9'.repeat(RECORD_LENGTH);

/** Transaction codes: checking 2x, savings 3x; 7 debit, 8 debit prenote, 2 credit. */
const transactionCodes: Record<AchEntryKind, Record<(typeof accountTypes)[number], string>> = {
  debit: { checking: '27', savings: '37' },
  prenote: { checking: '28', savings: '38' },
  micro_credit: { checking: '22', savings: '32' },
  micro_debit: { checking: '27', savings: '37' },
};

const isCredit = (entry: AchEntry): boolean => entry.kind === 'micro_credit';

/** Writes the day's file; throws ContractFailure VALIDATION (naming the field, never its value) for input a bank would reject. */
export function writeNachaFile(input: AchFileInput): AchFile {
  const file = parseInput(input);
  const effectiveEntryDate = settlementDate(file.fileDate);
  const byTrace = [...file.entries].sort((a, b) => a.traceSequence - b.traceSequence);
  const batches: BatchSpec[] = [
    { description: 'HLTH PREM' as const, entries: byTrace.filter((e) => e.kind === 'debit' || e.kind === 'prenote') },
    { description: 'ACCTVERIFY' as const, entries: byTrace.filter((e) => e.kind === 'micro_credit' || e.kind === 'micro_debit') },
  ].filter((batch) => batch.entries.length > 0);

  const records = [fileHeader(file)];
  const fileTotals: Totals = { count: 0, hash: 0, debits: 0, credits: 0 };
  batches.forEach((batch, index) => {
    const totals = writeBatch(records, file, batch, index + 1, effectiveEntryDate);
    fileTotals.count += totals.count;
    fileTotals.hash += totals.hash;
    fileTotals.debits += totals.debits;
    fileTotals.credits += totals.credits;
  });
  assertTotal(fileTotals);
  const blocks = Math.ceil((records.length + 1) / BLOCKING_FACTOR);
  records.push(
    '9' +
      numeric(batches.length, 6, 'batchCount') +
      numeric(blocks, 6, 'blockCount') +
      numeric(fileTotals.count, 8, 'entryCount') +
      numeric(fileTotals.hash % HASH_MODULUS, 10, 'entryHash') +
      numeric(fileTotals.debits, 12, 'totalDebits') +
      numeric(fileTotals.credits, 12, 'totalCredits') +
      ' '.repeat(39),
  );
  while (records.length % BLOCKING_FACTOR !== 0) records.push(FILLER);
  return {
    text: records.join('\n') + '\n',
    effectiveEntryDate,
    batchCount: batches.length,
    entryCount: file.entries.length,
    totalDebitCents: fileTotals.debits,
    totalCreditCents: fileTotals.credits,
  };
}

function parseInput(input: AchFileInput): ParsedInput {
  const parsed = achFileInput.safeParse(input);
  if (!parsed.success) {
    const error = validationError(parsed.error, 'ACH file');
    throw new ContractFailure('VALIDATION', error.message, error.fields);
  }
  const seen = new Set<number>();
  for (const [index, entry] of parsed.data.entries.entries()) {
    if (seen.has(entry.traceSequence)) {
      throw new ContractFailure('VALIDATION', `ACH file: entries.${index}.traceSequence: trace sequence ${entry.traceSequence} is used twice`, {
        [`entries.${index}.traceSequence`]: 'Used twice',
      });
    }
    seen.add(entry.traceSequence);
  }
  assertMicroDebitsOffsetCredits(parsed.data.entries);
  return parsed.data;
}

/** A micro-entry debit may only take back what the micro-deposits put into the same account. */
function assertMicroDebitsOffsetCredits(entries: AchEntry[]): void {
  const net = new Map<string, number>();
  for (const entry of entries) {
    if (entry.kind !== 'micro_credit' && entry.kind !== 'micro_debit') continue;
    const account = `${entry.routing}/${entry.accountType}/${entry.accountNumber}`;
    net.set(account, (net.get(account) ?? 0) + (entry.kind === 'micro_credit' ? entry.amountCents : -entry.amountCents));
  }
  for (const balance of net.values()) {
    if (balance < 0) throw new ContractFailure('VALIDATION', 'ACH file: a micro-entry debit exceeds the micro-deposits to its account', { entries: 'Micro-entry debit exceeds its credits' });
  }
}

function fileHeader(file: ParsedInput): string {
  return (
    '101' +
    ' ' +
    file.originBankRouting +
    alpha(file.companyId, 10, 'companyId') +
    yymmdd(file.fileDate) +
    file.fileTime +
    file.fileIdModifier +
    '094' +
    '10' +
    '1' +
    alpha(file.destinationName, 23, 'destinationName') +
    alpha(file.originName, 23, 'originName') +
    ' '.repeat(8)
  );
}

function writeBatch(records: string[], file: ParsedInput, batch: BatchSpec, batchNumber: number, effectiveEntryDate: string): Totals {
  const odfi = file.originBankRouting.slice(0, 8);
  const number = numeric(batchNumber, 7, 'batchNumber');
  const credits = batch.entries.some(isCredit);
  const debits = batch.entries.some((e) => !isCredit(e));
  // 200 mixed, 220 credits only, 225 debits only.
  const serviceClass = credits && debits ? '200' : credits ? '220' : '225';
  records.push(
    '5' +
      serviceClass +
      alpha(file.companyName, 16, 'companyName') +
      ' '.repeat(20) +
      file.companyId +
      'CCD' +
      alpha(batch.description, 10, 'entryDescription') +
      ' '.repeat(6) +
      yymmdd(effectiveEntryDate) +
      ' '.repeat(3) +
      '1' +
      odfi +
      number,
  );
  const totals: Totals = { count: 0, hash: 0, debits: 0, credits: 0 };
  for (const entry of batch.entries) {
    const sequence = numeric(entry.traceSequence, 7, 'traceSequence');
    records.push(
      '6' +
        transactionCodes[entry.kind][entry.accountType] +
        entry.routing +
        alpha(entry.accountNumber, 17, 'accountNumber') +
        numeric(entry.amountCents, 10, 'amountCents') +
        alpha(entry.individualId, 15, 'individualId') +
        fitText(entry.receiverName, 22) +
        '  ' +
        (entry.addenda === undefined ? '0' : '1') +
        odfi +
        sequence,
    );
    totals.count += 1;
    totals.hash += Number(entry.routing.slice(0, 8));
    if (isCredit(entry)) totals.credits += entry.amountCents;
    else totals.debits += entry.amountCents;
    if (entry.addenda !== undefined) {
      records.push('705' + alpha(entry.addenda, 80, 'addenda') + '0001' + sequence);
      totals.count += 1;
    }
  }
  assertTotal(totals);
  records.push(
    '8' +
      serviceClass +
      numeric(totals.count, 6, 'entryCount') +
      numeric(totals.hash % HASH_MODULUS, 10, 'entryHash') +
      numeric(totals.debits, 12, 'totalDebits') +
      numeric(totals.credits, 12, 'totalCredits') +
      file.companyId +
      ' '.repeat(19) +
      ' '.repeat(6) +
      odfi +
      number,
  );
  return totals;
}

function assertTotal(totals: Totals): void {
  if (totals.debits > MAX_TOTAL_CENTS || totals.credits > MAX_TOTAL_CENTS) {
    throw new ContractFailure('RULE', 'ACH file: the total is over $9,999,999,999.99; split the payments across files', { entries: 'Total too large' });
  }
}
