import { ContractFailure } from '@shared/contract';
import type { BillingInvoice, BillingOverview, InvoiceAdjustmentRow } from '@shared/contract/methods/billing';
import { cachedBillingPreferences } from '../../store/repositories/billing-cache-repository';
import { findInvoice, listInvoices, localBillingSummary } from '../../store/repositories/invoices-repository';
import { lastSettledPayment } from '../../store/repositories/payments-repository';
import { feedCursor, replicatedAt } from '../../store/repositories/sync-cursors';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';
import { toBillingInvoice } from './billing-invoice';

/** The group's invoices on this computer, newest month first. */
export const billingInvoices = (store: Store, groupNumber: string, today: string): BillingInvoice[] =>
  listInvoices(store.db, groupNumber).map((invoice) => toBillingInvoice(store, invoice, today));

/**
 * What the group owes, from its invoices on this computer: the open balance as the plan's billing
 * summary counts it (the open invoices' own amounts less what payments scheduled, processing or settled cover, so a
 * previous balance carried into the next invoice is not counted twice), the latest invoice's total
 * due and due date, and the last payment the bank settled.
 */
export function billingOverview(store: Store, groupNumber: string, today: string): BillingOverview {
  const { db } = store;
  const summary = localBillingSummary(db, groupNumber);
  const latest = summary.lastInvoice;
  return {
    groupNumber,
    openBalanceCents: summary.balanceCents,
    amountDueCents: latest?.totalDueCents ?? null,
    dueDate: latest?.dueDate ?? null,
    latestInvoice: latest === null ? null : toBillingInvoice(store, latest, today),
    lastPayment: lastSettledPayment(db, groupNumber),
    paperless: cachedBillingPreferences(db, groupNumber)?.paperless ?? null,
    // A group never pulled has only its starting cursor: its invoices are not up to date as of anything yet.
    asOf: feedCursor(db, groupNumber) > 0 ? replicatedAt(db, groupNumber) : null,
  };
}

/** One invoice with its adjustments by month then name, each linked to the local Activity entry of its TX number. */
export function billingInvoiceDetail(store: Store, groupNumber: string, invoiceNumber: string, today: string): { invoice: BillingInvoice; adjustments: InvoiceAdjustmentRow[] } {
  const invoice = findInvoice(store.db, groupNumber, invoiceNumber);
  if (invoice === null) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber} on this computer.`);
  const adjustments = statement(
    store.db,
    `SELECT a.member_id AS memberId, a.member_name AS memberName, a.period_start AS periodStart, a.kind, a.amount_cents AS amountCents,
       a.plan_code AS planCode, a.tier, a.confirmation_number AS confirmationNumber,
       (SELECT max(o.id) FROM outbox o WHERE o.group_number = a.group_number AND o.confirmation_number = a.confirmation_number) AS transactionId
     FROM invoice_adjustments a WHERE a.invoice_number = ? AND a.group_number = ?
     ORDER BY a.period_start, a.member_name, a.member_id`,
  ).all(invoiceNumber, groupNumber) as InvoiceAdjustmentRow[];
  return { invoice: toBillingInvoice(store, invoice, today), adjustments };
}
