import { z } from 'zod';
import { cents, groupNumber, isoDate, isoInstant } from '../contract/schemas/primitives';
import { roles } from '../contract/roles';
import { normalizeAccessCode } from './invitations';

/**
 * Bill Pay sign-up as health plans offer it: a signed-in, e-mail-verified user proves they hold the
 * group's latest invoice (its group number plus the invoice number or the amount billed), accepts
 * the current terms of service (version and time recorded), and gains the billing role.
 */

/** Characters of an invoice number's random part (ACCESS_CODE_ALPHABET, 5 bits each: 30 bits). */
export const INVOICE_CODE_LENGTH = 6;

/**
 * `INV-<group>-<YYYYMM>-<code>`, e.g. INV-1001-202611-7KQ4M2: the group and month make it readable,
 * the random code (ACCESS_CODE_ALPHABET) makes it a proof of holding the invoice — it cannot be
 * worked out from the group number.
 */
export const INVOICE_NUMBER_PATTERN = /^INV-\d{4,10}-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

/**
 * Typed invoice numbers are forgiving like access codes: surrounding spaces and case are ignored,
 * and in the random code O, I and L read as 0, 1 and 1 (normalizeAccessCode).
 */
export function normalizeInvoiceNumber(typed: string): string {
  const upper = typed.trim().toUpperCase();
  const parts = /^(INV-\d{4,10}-\d{6}-)([0-9A-Z]{6})$/.exec(upper);
  return parts ? `${parts[1]}${normalizeAccessCode(parts[2] ?? '')}` : upper;
}

export const invoiceNumber = z
  .string()
  .transform(normalizeInvoiceNumber)
  .pipe(z.string().regex(INVOICE_NUMBER_PATTERN, 'An invoice number looks like INV-1001-202611-7KQ4M2 (it is printed at the top of the invoice)'));

export const termsOfService = z.object({
  /** e.g. `2026-01`; the sign-up must name the version it accepts. */
  version: z.string().regex(/^\d{4}-\d{2}$/),
  title: z.string(),
  /** Plain text, paragraphs separated by blank lines. */
  text: z.string(),
  effectiveOn: isoDate,
});
export type TermsOfService = z.infer<typeof termsOfService>;

export const billPaySignUpFields = z
  .object({
    groupNumber,
    /** One of the two proofs from the latest invoice. */
    invoiceNumber: invoiceNumber.optional(),
    amountCents: cents.positive('Enter the amount billed on the latest invoice').optional(),
    termsVersion: z.string().regex(/^\d{4}-\d{2}$/),
    acceptTerms: z.literal(true, 'You must accept the terms of service to use Bill Pay'),
  })
  .strict();

/** Exactly one proof: the invoice number or the amount. */
export const oneInvoiceProof = (value: { invoiceNumber?: string | undefined; amountCents?: number | undefined }, ctx: z.RefinementCtx): void => {
  if ((value.invoiceNumber === undefined) === (value.amountCents === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['invoiceNumber'], message: 'Enter the invoice number or the amount billed on the latest invoice' });
  }
};

export const billPaySignUpRequest = billPaySignUpFields.superRefine(oneInvoiceProof);
export type BillPaySignUpRequest = z.input<typeof billPaySignUpRequest>;

export const billPaySignUpResponse = z.object({
  groupNumber,
  name: z.string(),
  role: z.enum(roles),
  termsVersion: z.string(),
  acceptedAt: isoInstant,
});
export type BillPaySignUpResponse = z.infer<typeof billPaySignUpResponse>;

export const invoiceSummary = z.object({
  invoiceNumber: z.string(),
  /** First day of the month billed. */
  periodStart: isoDate,
  issuedOn: isoDate,
  dueDate: isoDate,
  amountCents: cents,
  status: z.enum(['open', 'paid']),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

/** GET /v1/groups/:groupNumber/billing-summary (billing.read): what the group switcher shows. */
export const billingSummary = z.object({
  /** Open invoices' amounts, less nothing yet paid on them. */
  balanceCents: cents,
  lastInvoice: invoiceSummary.nullable(),
});
export type BillingSummary = z.infer<typeof billingSummary>;
