import { z } from 'zod';
import { method } from '../define';
import { coverageTier } from '../schemas/group';
import { cents, groupNumber, isoDate, isoInstant, memberId, planCode } from '../schemas/primitives';
import { relationship } from '../schemas/member';
import { invoiceListItem } from '../../plan-api/invoices';
import { billingPreferences, billingPreferencesUpdate } from '../../plan-api/billing-preferences';
import { disputeReason, disputeNote, invoiceDispute } from '../../plan-api/invoice-disputes';

/**
 * Bill Pay's invoices on the desktop. Invoices, their member lines and adjustments reach the local
 * store through the change feed (every role with billing.read pulls them), so everything here but
 * preferences, disputes and the PDF reads the local store and works offline.
 */

const invoiceNumberText = z.string().min(1).max(40);

/** An invoice as the list shows it, with where it stands as of the desktop's day. */
export const billingInvoice = invoiceListItem.extend({
  lineCount: z.number().int().nonnegative(),
  adjustmentCount: z.number().int().nonnegative(),
});
export type BillingInvoice = z.infer<typeof billingInvoice>;

export const billingOverview = z.object({
  groupNumber,
  /** Total due of the open (unpaid) invoices; 0 with none. */
  openBalanceCents: cents,
  /** The latest invoice's total due and due date, null before the group's first invoice. */
  amountDueCents: cents.nullable(),
  dueDate: isoDate.nullable(),
  latestInvoice: billingInvoice.nullable(),
  /** The last payment the plan recorded; null until payments exist (Bill Pay part 2). */
  lastPayment: z.object({ amountCents: cents, paidOn: isoDate }).nullable(),
  /** Paper or paperless as last read from the plan; null when it was never read (offline since sign-in). */
  paperless: z.boolean().nullable(),
  /** When the invoices were last brought up to date with the plan. */
  asOf: isoInstant.nullable(),
});
export type BillingOverview = z.infer<typeof billingOverview>;

export const invoiceLineSortColumns = ['memberName', 'memberId', 'planCode', 'tier', 'amountCents'] as const;

/** A dependent under a subscriber's line: only for roles that read members (from the local roster). */
export const invoiceLineDependent = z.object({
  memberId,
  name: z.string(),
  relationship,
});

export const invoiceLineRow = z.object({
  memberId,
  memberName: z.string(),
  planCode,
  /** The plan's name from the group's plans, or the code when unknown. */
  planName: z.string(),
  tier: coverageTier,
  amountCents: cents,
  /** Empty for a role that may not read members (billing). */
  dependents: z.array(invoiceLineDependent),
  /** The dispute filed on this line, newest first, if any. */
  dispute: invoiceDispute.nullable(),
});
export type InvoiceLineRow = z.infer<typeof invoiceLineRow>;

export const invoiceAdjustmentRow = z.object({
  memberId,
  memberName: z.string(),
  periodStart: isoDate,
  kind: z.enum(['charge', 'credit']),
  /** Signed: a credit is negative. */
  amountCents: cents,
  planCode: planCode.nullable(),
  tier: coverageTier.nullable(),
  /** The change in Activity that caused it (`TX-…`), null for coverage older than that link. */
  confirmationNumber: z.string().nullable(),
  /** The local Activity entry with that confirmation number, when this computer has it. */
  transactionId: z.number().int().positive().nullable(),
});
export type InvoiceAdjustmentRow = z.infer<typeof invoiceAdjustmentRow>;

export const reconcileKinds = ['billed_but_terminated', 'covered_not_billed', 'plan_or_tier_differs', 'amount_differs'] as const;
export type ReconcileKind = (typeof reconcileKinds)[number];

const billedSide = z.object({ planCode, tier: coverageTier, amountCents: cents });
const rosterSide = z.object({
  planCode: planCode.nullable(),
  tier: coverageTier.nullable(),
  /** What the group's rate for that plan and tier comes to for the month. */
  expectedCents: cents.nullable(),
  /** Coverage end date on the roster, when it ends on or before the invoice's month. */
  coverageEnd: isoDate.nullable(),
});

export const reconcileRow = z.object({
  kind: z.enum(reconcileKinds),
  memberId,
  memberName: z.string(),
  /** Null for a member covered but not billed. */
  billed: billedSide.nullable(),
  roster: rosterSide,
  /** Plain words: what differs. */
  explanation: z.string(),
  dispute: invoiceDispute.nullable(),
});
export type ReconcileRow = z.infer<typeof reconcileRow>;

export const reconciliation = z.object({
  invoiceNumber: z.string(),
  periodStart: isoDate,
  /** Subscribers the invoice bills, and those the local roster covers in its month. */
  billedCount: z.number().int().nonnegative(),
  coveredCount: z.number().int().nonnegative(),
  rows: z.array(reconcileRow),
  /** When the local roster was last brought up to date with the plan. */
  rosterAsOf: isoInstant.nullable(),
});
export type Reconciliation = z.infer<typeof reconciliation>;

export const previewLineChange = z.enum(['added', 'removed', 'changed', 'same']);

export const invoicePreview = z.object({
  /** The next month to be billed. */
  periodStart: isoDate,
  /** The bill day it will be issued on. */
  issuesOn: isoDate,
  premiumsCents: cents,
  /** The last invoice's premiums, null with no invoice yet. */
  lastPremiumsCents: cents.nullable(),
  lastInvoiceNumber: z.string().nullable(),
  /** Changes waiting to be sent or answered that the preview counts. */
  pendingChanges: z.number().int().nonnegative(),
  /** Every family, with its difference from the last invoice; `same` lines are included for totals. */
  lines: z.array(
    z.object({
      memberId,
      memberName: z.string(),
      change: previewLineChange,
      planCode: planCode.nullable(),
      tier: coverageTier.nullable(),
      amountCents: cents,
      lastPlanCode: planCode.nullable(),
      lastTier: coverageTier.nullable(),
      lastAmountCents: cents,
      /** True when a pending (not yet accepted) change shapes this line. */
      pending: z.boolean(),
    }),
  ),
});
export type InvoicePreview = z.infer<typeof invoicePreview>;

const printable = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() });

export const billingMethods = {
  'billing.overview': method({
    summary: 'Open balance, amount due and due date, the latest invoice, the last payment, paper or paperless.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: billingOverview,
  }),
  'billing.invoices': method({
    summary: 'The group’s invoices, newest month first, with where each stands today.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: z.array(billingInvoice),
  }),
  'billing.invoice': method({
    summary: 'One invoice’s summary and its adjustments (member lines come by page from billing.invoiceLines).',
    permission: 'billing.read',
    input: z.object({ groupNumber, invoiceNumber: invoiceNumberText }).strict(),
    output: z.object({ invoice: billingInvoice, adjustments: z.array(invoiceAdjustmentRow) }),
  }),
  'billing.invoiceLines': method({
    summary: 'One page of an invoice’s member lines, searched by name or member ID and sorted.',
    permission: 'billing.read',
    input: z
      .object({
        groupNumber,
        invoiceNumber: invoiceNumberText,
        query: z.string().trim().max(100).default(''),
        sort: z.object({ by: z.enum(invoiceLineSortColumns), dir: z.enum(['asc', 'desc']) }).strict().default({ by: 'memberName', dir: 'asc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), totalCents: cents, rows: z.array(invoiceLineRow) }),
  }),
  'billing.reconcile': method({
    summary: 'Every mismatch between an invoice and the local roster for its month.',
    permission: 'members.read',
    input: z.object({ groupNumber, invoiceNumber: invoiceNumberText }).strict(),
    output: reconciliation,
  }),
  'billing.worksheet': method({
    summary: 'The reconciliation’s mismatches as a worksheet (CSV or Excel) to save.',
    permission: 'members.read',
    input: z.object({ groupNumber, invoiceNumber: invoiceNumberText, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: printable,
  }),
  'billing.preview': method({
    summary: 'The next invoice as today’s roster and pending changes would bill it, line by line against the last.',
    permission: 'members.read',
    input: z.object({ groupNumber }).strict(),
    output: invoicePreview,
  }),
  'billing.pdf': method({
    summary: 'The invoice as the plan prints it (summary, member and adjustment pages), as a PDF.',
    permission: 'billing.read',
    input: z.object({ groupNumber, invoiceNumber: invoiceNumberText }).strict(),
    output: printable,
  }),
  'billing.dispute': method({
    summary: 'Tell the plan a line (or the invoice) is wrong, with a reason and a note.',
    permission: 'billing.read',
    input: z
      .object({ groupNumber, invoiceNumber: invoiceNumberText, memberId: memberId.nullable(), reason: disputeReason, note: disputeNote })
      .strict(),
    output: invoiceDispute,
  }),
  'billing.disputes': method({
    summary: 'The disputes filed on the group’s invoices, newest first (the plan’s answer when online, else the last known).',
    permission: 'billing.read',
    input: z.object({ groupNumber, invoiceNumber: invoiceNumberText.optional() }).strict(),
    output: z.array(invoiceDispute),
  }),
  'billing.preferences': method({
    summary: 'Paper or paperless invoices and who gets the new-invoice e-mail, as the plan has them.',
    permission: 'billing.read',
    input: z.object({ groupNumber }).strict(),
    output: billingPreferences,
  }),
  'billing.setPreferences': method({
    summary: 'Turn paper invoices off or on, and choose who gets the new-invoice e-mail.',
    permission: 'billing.write',
    input: billingPreferencesUpdate.extend({ groupNumber }).strict(),
    output: billingPreferences,
  }),
} as const;
