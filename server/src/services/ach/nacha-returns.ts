import { ContractFailure } from '@shared/contract/errors';
import { routingProblem } from '@shared/domain/aba-routing';
import { RECORD_LENGTH } from './fixed-width';

/**
 * Reads the file of returns and notifications of change (NOCs) the plan's bank sends back. Each
 * returned entry carries a 99 addenda naming the reason and the trace number of the plan's original
 * entry; each NOC (COR batch) a 98 addenda with the corrected account or routing number. A file that
 * is not laid out as NACHA says is refused whole, naming the line, so that no half-read file drives
 * payments.
 */

/** The return reasons the plan acts on; any other code is still read, with `known: false`. */
export const knownReturnCodes = ['R01', 'R02', 'R03', 'R04', 'R07', 'R08', 'R10', 'R16', 'R20', 'R29'] as const;
export type KnownReturnCode = (typeof knownReturnCodes)[number];

/** The changes the plan applies to a stored account; others are read with `known: false`. */
export const knownChangeCodes = ['C01', 'C02', 'C03'] as const;
export type KnownChangeCode = (typeof knownChangeCodes)[number];

export interface AchReturn {
  code: string;
  known: boolean;
  /** The trace number of the plan's entry that came back (ODFI 8 digits + 7-digit sequence). */
  originalTrace: string;
  amountCents: number;
  /** R14/R15 only: when the account holder died, YYYY-MM-DD. */
  dateOfDeath: string | null;
  /** What the bank added in words, trimmed; '' when nothing. */
  addendaInfo: string;
  /** The 1-based line of the entry, for the operator's report. */
  line: number;
}

export interface AchChange {
  code: string;
  known: boolean;
  originalTrace: string;
  correctedData: { accountNumber?: string; routingNumber?: string };
  /** The corrected-data field as the bank wrote it, trimmed (for codes other than C01–C03). */
  rawCorrectedData: string;
  line: number;
}

export interface AchReturnsFile {
  returns: AchReturn[];
  changes: AchChange[];
}

const HASH_MODULUS = 10_000_000_000;
const FILLER = '9'.repeat(RECORD_LENGTH);
const returnCodeSet = new Set<string>(knownReturnCodes);
const changeCodeSet = new Set<string>(knownChangeCodes);

interface PendingEntry {
  line: number;
  amountCents: number;
  hasAddenda: boolean;
  resolved: boolean;
}

interface Batch {
  line: number;
  count: number;
  hash: number;
  debits: number;
  credits: number;
}

const malformed = (line: number, message: string): ContractFailure =>
  new ContractFailure('VALIDATION', `Returns file line ${line}: ${message}`, { [`line.${line}`]: message });

/** Parses a returns/NOC file; throws ContractFailure VALIDATION naming the first malformed line. */
export function parseNachaReturns(text: string): AchReturnsFile {
  const lines = text.split(/\r?\n/);
  // One line break at the end of the file is not a record.
  if (lines.at(-1) === '') lines.pop();
  const result: AchReturnsFile = { returns: [], changes: [] };
  const state = new ReturnsReader(result);
  lines.forEach((record, index) => state.read(record, index + 1));
  state.finish(lines.length);
  return result;
}

class ReturnsReader {
  private batch: Batch | null = null;
  private entry: PendingEntry | null = null;
  private batches = 0;
  private fileCount = 0;
  private fileHash = 0;
  private fileDebits = 0;
  private fileCredits = 0;
  private sawHeader = false;
  private sawControl = false;

  constructor(private readonly result: AchReturnsFile) {}

  read(record: string, line: number): void {
    if (record.length !== RECORD_LENGTH) throw malformed(line, `a record is ${RECORD_LENGTH} characters, this one has ${record.length}`);
    if (!this.sawHeader && record[0] !== '1') throw malformed(line, 'the file must start with a file header (record type 1)');
    if (this.sawControl) {
      if (record !== FILLER) throw malformed(line, 'only 9-filled records may follow the file control');
      return;
    }
    switch (record[0]) {
      case '1':
        return this.header(record, line);
      case '5':
        return this.batchHeader(line);
      case '6':
        return this.entryDetail(record, line);
      case '7':
        return this.addenda(record, line);
      case '8':
        return this.batchControl(record, line);
      case '9':
        return this.fileControl(record, line);
      default:
        throw malformed(line, `unknown record type "${record[0]}"`);
    }
  }

  finish(lines: number): void {
    if (!this.sawHeader) throw malformed(1, 'the file is empty');
    if (!this.sawControl) throw malformed(lines, 'the file ends without a file control (record type 9)');
  }

  private header(record: string, line: number): void {
    if (this.sawHeader) throw malformed(line, 'a second file header');
    if (record.slice(34, 37) !== '094') throw malformed(line, 'the file header must give a record size of 094');
    this.sawHeader = true;
  }

  private batchHeader(line: number): void {
    if (this.batch !== null) throw malformed(line, `a batch header before the control of the batch opened on line ${this.batch.line}`);
    this.batch = { line, count: 0, hash: 0, debits: 0, credits: 0 };
    this.batches += 1;
  }

  private entryDetail(record: string, line: number): void {
    const batch = this.requireBatch(line, 'an entry');
    this.closeEntry(line);
    const transactionCode = record.slice(1, 3);
    const rdfi = record.slice(3, 11);
    if (!/^\d\d$/.test(transactionCode) || !/^\d{8}$/.test(rdfi)) throw malformed(line, 'the transaction code and receiving bank must be digits');
    const amountCents = digits(record.slice(29, 39), line, 'the amount');
    const indicator = record[78];
    if (indicator !== '0' && indicator !== '1') throw malformed(line, 'the addenda indicator must be 0 or 1');
    batch.count += 1;
    batch.hash += Number(rdfi);
    // Second digit 1–4 credits the receiver, 5–9 debits it.
    if (transactionCode[1]! <= '4') batch.credits += amountCents;
    else batch.debits += amountCents;
    this.entry = { line, amountCents, hasAddenda: indicator === '1', resolved: false };
  }

  private addenda(record: string, line: number): void {
    const batch = this.requireBatch(line, 'an addenda');
    const entry = this.entry;
    if (entry === null || !entry.hasAddenda || entry.resolved) throw malformed(line, 'an addenda record must follow an entry whose addenda indicator is 1');
    batch.count += 1;
    entry.resolved = true;
    const type = record.slice(1, 3);
    if (type === '99') this.result.returns.push(readReturn(record, entry, line));
    else if (type === '98') this.result.changes.push(readChange(record, entry.line, line));
    else throw malformed(line, `addenda type ${type} is neither a return (99) nor a notification of change (98)`);
  }

  private batchControl(record: string, line: number): void {
    const batch = this.requireBatch(line, 'a batch control');
    this.closeEntry(line);
    if (digits(record.slice(4, 10), line, 'the entry/addenda count') !== batch.count) throw malformed(line, `the batch control counts ${Number(record.slice(4, 10))} entries and addenda, the batch has ${batch.count}`);
    if (digits(record.slice(10, 20), line, 'the entry hash') !== batch.hash % HASH_MODULUS) throw malformed(line, 'the batch entry hash does not match its entries');
    if (digits(record.slice(20, 32), line, 'the total debits') !== batch.debits || digits(record.slice(32, 44), line, 'the total credits') !== batch.credits) {
      throw malformed(line, 'the batch dollar totals do not match its entries');
    }
    this.fileCount += batch.count;
    this.fileHash += batch.hash;
    this.fileDebits += batch.debits;
    this.fileCredits += batch.credits;
    this.batch = null;
  }

  private fileControl(record: string, line: number): void {
    if (this.batch !== null) throw malformed(line, `the file control comes before the control of the batch opened on line ${this.batch.line}`);
    if (digits(record.slice(1, 7), line, 'the batch count') !== this.batches) throw malformed(line, `the file control counts ${Number(record.slice(1, 7))} batches, the file has ${this.batches}`);
    if (digits(record.slice(13, 21), line, 'the entry/addenda count') !== this.fileCount) throw malformed(line, 'the file control entry/addenda count does not match the batches');
    if (digits(record.slice(21, 31), line, 'the entry hash') !== this.fileHash % HASH_MODULUS) throw malformed(line, 'the file entry hash does not match the batches');
    if (digits(record.slice(31, 43), line, 'the total debits') !== this.fileDebits || digits(record.slice(43, 55), line, 'the total credits') !== this.fileCredits) {
      throw malformed(line, 'the file dollar totals do not match the batches');
    }
    this.sawControl = true;
  }

  private requireBatch(line: number, what: string): Batch {
    if (this.batch === null) throw malformed(line, `${what} outside a batch (no batch header before it)`);
    return this.batch;
  }

  /** An entry of a returns file is only there for its return or change: one without is a malformed file. */
  private closeEntry(line: number): void {
    const entry = this.entry;
    if (entry !== null && !entry.resolved) {
      throw malformed(entry.hasAddenda ? line : entry.line, `the entry on line ${entry.line} has no return (99) or change (98) addenda`);
    }
    this.entry = null;
  }
}

function digits(field: string, line: number, what: string): number {
  if (!/^\d+$/.test(field)) throw malformed(line, `${what} must be digits`);
  return Number(field);
}

function trace(record: string, line: number): string {
  const value = record.slice(6, 21);
  if (!/^\d{15}$/.test(value)) throw malformed(line, 'the original entry trace number must be 15 digits');
  return value;
}

function readReturn(record: string, entry: PendingEntry, line: number): AchReturn {
  const code = record.slice(3, 6);
  if (!/^R\d\d$/.test(code)) throw malformed(line, `"${code.trim()}" is not a return reason code (R followed by two digits)`);
  return {
    code,
    known: returnCodeSet.has(code),
    originalTrace: trace(record, line),
    amountCents: entry.amountCents,
    dateOfDeath: deathDate(record.slice(21, 27), line),
    addendaInfo: record.slice(35, 79).trim(),
    line: entry.line,
  };
}

/** YYMMDD, or blank; ACH dates are 21st-century. */
function deathDate(field: string, line: number): string | null {
  if (field.trim() === '') return null;
  if (!/^\d{6}$/.test(field)) throw malformed(line, 'the date of death must be YYMMDD or blank');
  return `20${field.slice(0, 2)}-${field.slice(2, 4)}-${field.slice(4, 6)}`;
}

function readChange(record: string, entryLine: number, line: number): AchChange {
  const code = record.slice(3, 6);
  if (!/^C\d\d$/.test(code)) throw malformed(line, `"${code.trim()}" is not a change code (C followed by two digits)`);
  const field = record.slice(35, 64);
  return {
    code,
    known: changeCodeSet.has(code),
    originalTrace: trace(record, line),
    correctedData: correctedData(code, field, line),
    rawCorrectedData: field.trim(),
    line: entryLine,
  };
}

/** C01 account, C02 routing, C03 routing in the first nine positions and account in the 13th to 29th. */
function correctedData(code: string, field: string, line: number): AchChange['correctedData'] {
  switch (code) {
    case 'C01':
      return { accountNumber: account(field, line) };
    case 'C02':
      return { routingNumber: routingNumber(field.slice(0, 9), field.slice(9), line) };
    case 'C03':
      return { routingNumber: routingNumber(field.slice(0, 9), field.slice(9, 12), line), accountNumber: account(field.slice(12), line) };
    default:
      return {};
  }
}

function routingNumber(value: string, rest: string, line: number): string {
  if (routingProblem(value) !== null || rest.trim() !== '') throw malformed(line, 'the corrected routing number is not a valid 9-digit routing number');
  return value;
}

function account(value: string, line: number): string {
  const trimmed = value.trim();
  if (!/^[0-9A-Za-z-]{1,17}$/.test(trimmed)) throw malformed(line, 'the corrected account number must be 1 to 17 letters, digits or dashes');
  return trimmed;
}
