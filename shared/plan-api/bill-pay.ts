import { z } from 'zod';
import { coverageTier } from '../contract/schemas/group';
import { cents, groupNumber, isoDate, isoInstant, memberId, planCode } from '../contract/schemas/primitives';
import { roles } from '../contract/roles';
import { normalizeAccessCode } from './invitations';

/**
 * Bill Pay sign-up as health plans offer it: a signed-in, e-mail-verified user proves they hold the
 * group's latest invoice (its group number, invoice number and amount billed), accepts
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

/** A terms of service version, e.g. `2026-12`. */
export const termsVersion = z.string().regex(/^\d{4}-\d{2}$/, 'A terms version looks like 2026-12');

export const termsOfService = z.object({
  /** The sign-up, and a later acceptance, must name the version they accept. */
  version: termsVersion,
  title: z.string(),
  /** Plain text, paragraphs separated by blank lines. */
  text: z.string(),
  effectiveOn: isoDate,
});
export type TermsOfService = z.infer<typeof termsOfService>;

/**
 * Both details of the latest invoice together: the amount billed alone is a guessable number (and
 * printed on the employer's checks), the invoice number's random code is not, and an old invoice's
 * number does not match the latest amount.
 */
export const billPaySignUpRequest = z
  .object({
    groupNumber,
    invoiceNumber: z.string({ error: 'Enter the invoice number printed at the top of the latest invoice' }).pipe(invoiceNumber),
    amountCents: cents.positive('Enter the amount billed on the latest invoice'),
    termsVersion,
    acceptTerms: z.literal(true, 'You must accept the terms of service to use Bill Pay'),
  })
  .strict();
export type BillPaySignUpRequest = z.input<typeof billPaySignUpRequest>;

export const billPaySignUpResponse = z.object({
  groupNumber,
  name: z.string(),
  role: z.enum(roles),
  termsVersion: z.string(),
  acceptedAt: isoInstant,
});
export type BillPaySignUpResponse = z.infer<typeof billPaySignUpResponse>;

/**
 * GET /v1/groups/:g/bill-pay/terms-acceptance: which Bill Pay terms the signed-in user accepted for
 * the group. `needed` when they are a billing user of the group and have not accepted the version
 * in force (a new version came out after they signed up, or they were given the role by invitation).
 */
export const termsAcceptanceStatus = z.object({
  groupNumber,
  currentVersion: termsVersion,
  acceptedVersion: termsVersion.nullable(),
  acceptedAt: isoInstant.nullable(),
  needed: z.boolean(),
});
export type TermsAcceptanceStatus = z.infer<typeof termsAcceptanceStatus>;

/** POST /v1/groups/:g/bill-pay/terms-acceptance: accepts the version in force, named as shown. */
export const termsAcceptanceRequest = z
  .object({
    termsVersion,
    acceptTerms: z.literal(true, 'You must accept the terms of service to use Bill Pay'),
  })
  .strict();
export type TermsAcceptanceRequest = z.infer<typeof termsAcceptanceRequest>;

export const invoiceSummary = z.object({
  invoiceNumber: z.string(),
  /** First day of the month billed. */
  periodStart: isoDate,
  issuedOn: isoDate,
  dueDate: isoDate,
  /** The invoice's own amount: current premiums plus adjustments (docs/billing-rules.md). */
  amountCents: cents,
  status: z.enum(['open', 'paid']),
  /** The previous invoice's total due (0 on a group's first invoice). */
  previousBalanceCents: cents,
  /** Payments received against the previous balance. */
  paymentsCents: cents,
  /** The month's premiums: the sum of the invoice's lines. */
  premiumsCents: cents,
  /** Charges and credits for months already billed: the sum of the invoice's adjustments. */
  adjustmentsCents: cents,
  /** previousBalance − payments + premiums + adjustments. */
  totalDueCents: cents,
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

/** One family's premium for the invoice's month, billed to its subscriber (change feed entity `invoice_line`). */
export const invoiceLine = z.object({
  invoiceNumber: z.string(),
  memberId,
  planCode,
  tier: coverageTier,
  amountCents: cents,
});
export type InvoiceLine = z.infer<typeof invoiceLine>;

/**
 * A month already billed, re-billed because coverage changed (change feed entity
 * `invoice_adjustment`): a charge (positive) or credit (negative) for one family's month, naming
 * the eligibility transaction that caused it (`TX-…`, null only for coverage older than that link).
 */
export const invoiceAdjustment = z.object({
  invoiceNumber: z.string(),
  memberId,
  /** First day of the month adjusted. */
  periodStart: isoDate,
  kind: z.enum(['charge', 'credit']),
  amountCents: cents,
  /** What the month costs now; null when nobody in the family is billed for it any more. */
  planCode: planCode.nullable(),
  tier: coverageTier.nullable(),
  confirmationNumber: z.string().nullable(),
});
export type InvoiceAdjustment = z.infer<typeof invoiceAdjustment>;

/** GET /v1/groups/:groupNumber/billing-summary (billing.read): what the group switcher shows. */
export const billingSummary = z.object({
  /** Open invoices' amounts, less nothing yet paid on them. */
  balanceCents: cents,
  lastInvoice: invoiceSummary.nullable(),
});
export type BillingSummary = z.infer<typeof billingSummary>;
