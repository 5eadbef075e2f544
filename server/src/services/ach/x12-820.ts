import { z } from 'zod';
import { ContractFailure, validationError } from '@shared/contract/errors';
import { isoDate } from '@shared/contract/schemas/primitives';
import { routingProblem } from '@shared/domain/aba-routing';
import { accountTypes } from '@shared/plan-api/payments';
import { geSegment, gsSegment, ieaSegment, isaSegment, seSegment, stSegment, transactionSetControlNumber, x12Date, x12Segment, x12Text } from '@shared/x12/envelope';

/**
 * X12 820 (005010X218) remittance advice for settled premium payments: one interchange, one RA
 * functional group, one transaction set per payment. Each set is an organization summary remittance:
 * BPR (the money: an ACH CCD+ for the amount, effective on the settlement date), TRN (the payment's
 * confirmation number, which reassociates the remittance with the money), REF*38 (the group),
 * N1*PE/N1*PR, then ENT with an RMR per invoice the payment paid and its coverage period.
 *
 * The payer's account number travels as its last four only, X-filled: whoever reads the remittance
 * reconciles by trace, never needs the account, and the plan shows no one the full number again.
 */

/**
 * Cents as an X12 decimal (type R): a point only when needed and no trailing zeros — 412550 is
 * `4125.5`, 412500 `4125`, 5 `0.05`. Integer arithmetic only.
 */
export function x12Amount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new ContractFailure('VALIDATION', 'An amount must be whole cents', { amountCents: 'Whole cents' });
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.trunc(abs / 100);
  const rest = abs % 100;
  if (rest === 0) return `${sign}${dollars}`;
  const fraction = String(rest).padStart(2, '0').replace(/0$/, '');
  return `${sign}${dollars}.${fraction}`;
}

const routing = z.string().refine((value) => routingProblem(value) === null, 'Not a valid routing number');
const x12Id = z.string().regex(/^[0-9A-Z]{1,15}$/, '1 to 15 capital letters or digits');
const controlNumber = z.number().int().min(1).max(999_999_999);
const name = z.string().trim().min(1).max(60);
/** An EIN: nine digits. */
const taxId = z.string().regex(/^\d{9}$/, 'An EIN is 9 digits');
const positiveCents = z.number().int('Amounts are whole cents').positive();

export const remittanceInvoice = z.object({
  invoiceNumber: z.string().regex(/^[0-9A-Za-z-]{1,50}$/, 'An invoice number is letters, digits or dashes'),
  /** What this payment paid toward the invoice. */
  paidCents: positiveCents,
  /** What the invoice billed; a payment of less is marked partial. */
  billedCents: z.number().int('Amounts are whole cents').nonnegative(),
  periodStart: isoDate,
  periodEnd: isoDate,
}).refine((invoice) => invoice.periodEnd >= invoice.periodStart, { path: ['periodEnd'], message: 'A coverage period ends on or after its start' });

export const remittancePayment = z
  .object({
    /** The payment's confirmation number (TRN02). */
    confirmationNumber: z.string().regex(/^[0-9A-Za-z-]{1,50}$/, 'A confirmation number is letters, digits or dashes'),
    groupNumber: z.string().regex(/^[0-9A-Za-z]{1,50}$/),
    amountCents: positiveCents,
    /** When the debit settled: the EFT effective date. */
    settlementDate: isoDate,
    payer: z.object({
      name,
      /** The employer's EIN when the plan has it; without it the payer is named by name and group. */
      taxId: taxId.optional(),
      bankRouting: routing,
      accountLast4: z.string().regex(/^[0-9A-Za-z]{4}$/, 'The last four of the account'),
    }),
    invoices: z.array(remittanceInvoice).min(1, 'A remittance names at least one invoice'),
  })
  .superRefine((payment, ctx) => {
    const sum = payment.invoices.reduce((total, invoice) => total + invoice.paidCents, 0);
    if (sum !== payment.amountCents) ctx.addIssue({ code: 'custom', path: ['invoices'], message: 'The invoices paid must add up to the payment' });
  });
export type RemittancePayment = z.input<typeof remittancePayment>;

export const remittanceInterchange = z.object({
  /** ISA06/GS02 and ISA08/GS03, mutually defined (ZZ) ids agreed with whoever reads the file. */
  senderId: x12Id,
  receiverId: x12Id,
  /** When the interchange was written (the plan's day and HHMM). */
  createdOn: isoDate,
  createdTime: z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'A time is HHMM'),
  /** ISA13/IEA02 and GS06/GE02: unique per sender and receiver, so a reader can spot a repeat. */
  controlNumber,
  usage: z.enum(['P', 'T']),
  /** The plan's ACH Company Identification (BPR10, TRN03): the originator of the debits. */
  originatingCompanyId: z.string().regex(/^[0-9A-Z]{10}$/, 'A company identification is 10 letters or digits'),
  payee: z.object({
    name,
    taxId,
    bankRouting: routing,
    accountNumber: z.string().regex(/^[0-9A-Za-z-]{1,35}$/),
    accountType: z.enum(accountTypes),
  }),
  payments: z.array(remittancePayment).min(1, 'An interchange holds at least one payment').max(999_999_999),
});
export type RemittanceInterchange = z.input<typeof remittanceInterchange>;
type Interchange = z.infer<typeof remittanceInterchange>;
type Payment = z.infer<typeof remittancePayment>;

/** Writes the interchange; throws ContractFailure VALIDATION naming the field for input a reader would reject. */
export function writeRemittance820(input: RemittanceInterchange): string {
  const parsed = remittanceInterchange.safeParse(input);
  if (!parsed.success) {
    const error = validationError(parsed.error, '820 remittance');
    throw new ContractFailure('VALIDATION', error.message, error.fields);
  }
  const interchange = parsed.data;
  const { senderId, receiverId, createdOn: date, createdTime: time, controlNumber, usage } = interchange;
  const lines = [
    isaSegment({ senderQualifier: 'ZZ', senderId, receiverQualifier: 'ZZ', receiverId, date, time, controlNumber, usage }),
    gsSegment({ functionalId: 'RA', senderId, receiverId, date, time, controlNumber, version: '005010X218' }),
  ];
  interchange.payments.forEach((payment, index) => lines.push(...transactionSet(interchange, payment, transactionSetControlNumber(index + 1))));
  lines.push(geSegment(interchange.payments.length, controlNumber), ieaSegment(1, controlNumber));
  return lines.join('\n') + '\n';
}

function transactionSet(interchange: Interchange, payment: Payment, setControl: string): string[] {
  const payee = interchange.payee;
  const payer = payment.payer;
  const body = [
    stSegment('820', setControl, '005010X218'),
    x12Segment(
      'BPR',
      'C',
      x12Amount(payment.amountCents),
      'C',
      'ACH',
      'CCP',
      '01',
      payer.bankRouting,
      'DA',
      payer.accountLast4.toUpperCase().padStart(10, 'X'),
      interchange.originatingCompanyId,
      '',
      '01',
      payee.bankRouting,
      payee.accountType === 'savings' ? 'SG' : 'DA',
      payee.accountNumber.toUpperCase(),
      x12Date(payment.settlementDate),
    ),
    x12Segment('TRN', '1', payment.confirmationNumber.toUpperCase(), interchange.originatingCompanyId),
    x12Segment('REF', '38', payment.groupNumber.toUpperCase()),
    x12Segment('DTM', '097', x12Date(interchange.createdOn)),
    x12Segment('N1', 'PE', x12Text(payee.name), 'FI', payee.taxId),
    payer.taxId === undefined ? x12Segment('N1', 'PR', x12Text(payer.name)) : x12Segment('N1', 'PR', x12Text(payer.name), 'FI', payer.taxId),
    payer.taxId === undefined ? x12Segment('ENT', '1') : x12Segment('ENT', '1', '2L', 'FI', payer.taxId),
  ];
  for (const invoice of payment.invoices) {
    // PI: the invoice paid in full by this payment; PP: part of it.
    const handling = invoice.paidCents < invoice.billedCents ? 'PP' : 'PI';
    body.push(
      x12Segment('RMR', 'IK', invoice.invoiceNumber.toUpperCase(), handling, x12Amount(invoice.paidCents), x12Amount(invoice.billedCents)),
      x12Segment('DTM', '582', '', '', '', 'RD8', `${x12Date(invoice.periodStart)}-${x12Date(invoice.periodEnd)}`),
    );
  }
  body.push(seSegment(body.length + 1, setControl));
  return body;
}
