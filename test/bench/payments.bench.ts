import { writeNachaFile, type AchEntry } from '../../server/src/services/ach/nacha-file';
import { writeRemittance820, x12Amount, type RemittancePayment } from '../../server/src/services/ach/x12-820';
import type { BenchOptions, Benchmark } from './run';
import { summarize, time } from './timing';

/**
 * The plan's daily payment files at the size of a busy day: the NACHA file of 10,000 premium debits
 * (each with its invoice in a CCD+ addenda) and the 820 remittances of the same payments, one
 * interchange with a transaction set each. Pure functions, timed in-process; the first run warms up.
 */
const FILE_DATE = '2026-12-09';
/** Checksum-valid routing numbers of the employers' banks. */
const BANKS = ['011000015', '021000021', '031300012', '231380104', '121042882'];

const size = (options: BenchOptions): { payments: number; runs: number } => (options.smoke ? { payments: 20, runs: 1 } : { payments: 10_000, runs: 5 });

interface DayPayment {
  groupNumber: string;
  invoiceNumber: string;
  amountCents: number;
  routing: string;
  accountNumber: string;
}

function dayOfPayments(count: number): DayPayment[] {
  return Array.from({ length: count }, (_, i) => ({
    groupNumber: String(800_000 + i),
    invoiceNumber: `INV-2026-12-${800_000 + i}`,
    amountCents: 50_000 + ((i * 7919) % 5_000_000),
    routing: BANKS[i % BANKS.length]!,
    accountNumber: String(10_000_000 + i * 13),
  }));
}

async function measure(runs: number, work: () => string): Promise<{ median_ms: number; p95_ms: number; max_ms: number; bytes: number }> {
  const bytes = Buffer.byteLength(work());
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push(await time(work));
  const { median_ms, p95_ms, max_ms } = summarize(durations);
  return { median_ms, p95_ms, max_ms, bytes };
}

async function achFile(options: BenchOptions): Promise<Record<string, unknown>> {
  const { payments, runs } = size(options);
  const entries: AchEntry[] = dayOfPayments(payments).map((p, i) => ({
    kind: 'debit',
    accountType: i % 4 === 0 ? 'savings' : 'checking',
    routing: p.routing,
    accountNumber: p.accountNumber,
    amountCents: p.amountCents,
    individualId: p.groupNumber,
    receiverName: `Employer ${p.groupNumber}`,
    traceSequence: i + 1,
    addenda: `RMR*IK*${p.invoiceNumber}**${x12Amount(p.amountCents)}\\`,
  }));
  const write = () =>
    writeNachaFile({
      fileDate: FILE_DATE,
      fileTime: '1700',
      fileIdModifier: 'A',
      originBankRouting: '123456780',
      destinationName: 'Example ODFI Bank',
      originName: 'GroupDesk Health Plan',
      companyName: 'GroupDesk Hlth',
      companyId: '1990000002',
      entries,
    }).text;
  return { n: payments, runs, ...(await measure(runs, write)) };
}

async function remittances(options: BenchOptions): Promise<Record<string, unknown>> {
  const { payments, runs } = size(options);
  const settled: RemittancePayment[] = dayOfPayments(payments).map((p, i) => ({
    confirmationNumber: `PAY-261209-${String(i).padStart(6, '0')}`,
    groupNumber: p.groupNumber,
    amountCents: p.amountCents,
    settlementDate: '2026-12-10',
    payer: { name: `Employer ${p.groupNumber}`, bankRouting: p.routing, accountLast4: p.accountNumber.slice(-4) },
    invoices: [{ invoiceNumber: p.invoiceNumber, paidCents: p.amountCents, billedCents: p.amountCents, periodStart: '2026-12-01', periodEnd: '2026-12-31' }],
  }));
  const write = () =>
    writeRemittance820({
      senderId: 'GROUPDESKPLAN',
      receiverId: 'HLTHPLANAR',
      createdOn: '2026-12-10',
      createdTime: '0600',
      controlNumber: 1,
      usage: 'P',
      originatingCompanyId: '1990000002',
      payee: { name: 'GroupDesk Health Plan', taxId: '990000002', bankRouting: '123456780', accountNumber: '9876543210', accountType: 'checking' },
      payments: settled,
    });
  return { n: payments, runs, ...(await measure(runs, write)) };
}

export const benchmarks: Benchmark[] = [
  { name: 'payments-ach-file', run: achFile },
  { name: 'payments-820', run: remittances },
];
