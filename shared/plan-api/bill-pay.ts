import { z } from 'zod';
import { cents, groupNumber, isoDate, isoInstant } from '../contract/schemas/primitives';
import { roles } from '../contract/roles';

/**
 * Bill Pay sign-up as health plans offer it: a signed-in, e-mail-verified user proves they hold the
 * group's latest invoice (its group number plus the invoice number or the amount billed), accepts
 * the current terms of service (version and time recorded), and gains the billing role.
 */

export const invoiceNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^INV-\d{4,10}-\d{6}$/, 'An invoice number looks like INV-1001-202611 (it is printed at the top of the invoice)');

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

/** GET /v1/groups/:g/billing-summary (billing.read): what the group switcher shows. */
export const billingSummary = z.object({
  /** Open invoices' amounts, less nothing yet paid on them. */
  balanceCents: cents,
  lastInvoice: invoiceSummary.nullable(),
});
export type BillingSummary = z.infer<typeof billingSummary>;
