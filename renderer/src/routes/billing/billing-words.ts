import type { InvoicePaymentStatus } from '@shared/plan-api/invoices';
import type { DisputeReason } from '@shared/plan-api/invoice-disputes';
import type { ReconcileKind } from '@shared/contract/methods/billing';

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-12-01` → `December 2026`: the month an invoice bills. A plan date, so formatted in UTC. */
export function formatMonth(periodStart: string): string {
  return monthFormat.format(new Date(`${periodStart}T00:00:00Z`));
}

export const paymentStatusLabels: Record<InvoicePaymentStatus, string> = {
  open: 'Open',
  partly_paid: 'Partly paid',
  paid: 'Paid',
  past_due: 'Past due',
};

/** Headings for the reconciliation's groups, in the words an HR team uses, not the plan's codes. */
export const reconcileKindLabels: Record<ReconcileKind, { title: string; hint: string }> = {
  billed_but_terminated: { title: 'Billed but no longer covered', hint: 'The invoice bills these members for a month after their coverage ended on the roster.' },
  covered_not_billed: { title: 'Covered but not billed', hint: 'The roster covers these members in the invoice’s month, but the invoice has no line for them.' },
  plan_or_tier_differs: { title: 'Billed for another plan or tier', hint: 'The invoice bills a different plan or coverage tier than the roster has.' },
  amount_differs: { title: 'Billed a different amount', hint: 'The plan and tier match, but the amount is not the group’s rate for them.' },
};

/** The dispute reason a reconciliation finding starts with; the user may pick another. */
export const reasonForKind: Record<ReconcileKind, DisputeReason> = {
  billed_but_terminated: 'billed_but_terminated',
  covered_not_billed: 'covered_not_billed',
  plan_or_tier_differs: 'wrong_plan_or_tier',
  amount_differs: 'wrong_amount',
};

export const disputeReasonLabels: Record<DisputeReason, string> = {
  billed_but_terminated: 'Billed after coverage ended',
  covered_not_billed: 'Covered but not billed',
  wrong_plan_or_tier: 'Wrong plan or tier',
  wrong_amount: 'Wrong amount',
  other: 'Something else',
};
