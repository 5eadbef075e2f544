import { describe, expect, it } from 'vitest';
import type { InvoiceSummary } from '@shared/plan-api/bill-pay';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { fileStore } from '../../test-support/transactions-test-store';
import { statement } from '../statements';
import { cachedBillingPreferences, latestDisputesByMember, listDisputes, replaceDisputes, saveBillingPreferences, saveDispute } from './billing-cache-repository';
import { deleteInvoice, findInvoice, forgetGroupInvoices, listInvoices, localBillingSummary, upsertInvoice, upsertInvoiceAdjustment, upsertInvoiceLine } from './invoices-repository';

const group = '4321';
const now = '2026-11-27T10:00:00.000Z';

const invoice = (invoiceNumber: string, periodStart: string, over: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  invoiceNumber,
  periodStart,
  issuedOn: '2026-11-15',
  dueDate: periodStart,
  amountCents: 100_000,
  status: 'open',
  previousBalanceCents: 0,
  paymentsCents: 0,
  premiumsCents: 100_000,
  adjustmentsCents: 0,
  totalDueCents: 100_000,
  ...over,
});

const dispute = (id: number, memberId: string | null, filedAt: string): InvoiceDispute => ({
  id,
  invoiceNumber: 'INV-1',
  memberId,
  reason: 'wrong_amount',
  note: 'Not ours',
  filedBy: 'payer',
  filedAt,
  status: 'open',
  resolutionNote: null,
  resolvedBy: null,
  resolvedAt: null,
});

describe('the invoices repository', () => {
  it('stores invoices as the feed sends them, says which are new, and lists them newest month first', () => {
    const { db } = fileStore();
    expect(upsertInvoice(db, group, invoice('INV-1', '2026-11-01'), now)).toBe(true);
    expect(upsertInvoice(db, group, invoice('INV-2', '2026-12-01', { previousBalanceCents: 100_000, totalDueCents: 200_000 }), now)).toBe(true);
    expect(upsertInvoice(db, group, invoice('INV-1', '2026-11-01', { status: 'paid' }), now)).toBe(false);
    expect(listInvoices(db, group).map((i) => [i.invoiceNumber, i.status])).toEqual([
      ['INV-2', 'open'],
      ['INV-1', 'paid'],
    ]);
    // The switcher's balance is the open invoices' own amounts (as the plan's billing summary counts it), due as the latest is.
    expect(localBillingSummary(db, group)).toEqual({ balanceCents: 100_000, lastInvoice: expect.objectContaining({ invoiceNumber: 'INV-2', dueDate: '2026-12-01' }) });
  });

  it('names a line as billed, else as the roster has the subscriber, else by member ID', () => {
    const { db } = fileStore();
    upsertInvoiceLine(db, group, { invoiceNumber: 'INV-1', memberId: '432000001', memberName: 'Walter Q Zimmer', planCode: 'PPO-A', tier: 'FAM', amountCents: 150_000 });
    upsertInvoiceLine(db, group, { invoiceNumber: 'INV-1', memberId: '432000002', planCode: 'HMO-Z', tier: 'ECH', amountCents: 90_000 });
    upsertInvoiceLine(db, group, { invoiceNumber: 'INV-1', memberId: '432999999', planCode: 'HMO-Z', tier: 'EMP', amountCents: 50_000 });
    upsertInvoiceAdjustment(db, group, { invoiceNumber: 'INV-1', memberId: '432000003', periodStart: '2026-10-01', kind: 'credit', amountCents: -50_000, planCode: null, tier: null, confirmationNumber: 'TX-1' });
    const names = statement(db, 'SELECT member_id, member_name FROM invoice_lines ORDER BY member_id').raw().all();
    expect(names).toEqual([
      ['432000001', 'Walter Q Zimmer'],
      ['432000002', 'Beth Abbott'],
      ['432999999', '432999999'],
    ]);
    expect(statement(db, 'SELECT member_name FROM invoice_adjustments').pluck().get()).toBe('José Muñoz');
    // A line sent again replaces the one stored.
    upsertInvoiceLine(db, group, { invoiceNumber: 'INV-1', memberId: '432000002', memberName: 'Beth Abbott', planCode: 'PPO-A', tier: 'EMP', amountCents: 50_000 });
    expect(statement(db, `SELECT plan_code, amount_cents FROM invoice_lines WHERE member_id = '432000002'`).raw().get()).toEqual(['PPO-A', 50_000]);
  });

  it('removes a withdrawn invoice with its lines and adjustments, and a restarted feed’s whole group', () => {
    const { db } = fileStore();
    for (const n of ['INV-1', 'INV-2']) {
      upsertInvoice(db, group, invoice(n, n === 'INV-1' ? '2026-11-01' : '2026-12-01'), now);
      upsertInvoiceLine(db, group, { invoiceNumber: n, memberId: '432000001', planCode: 'PPO-A', tier: 'FAM', amountCents: 1 });
      upsertInvoiceAdjustment(db, group, { invoiceNumber: n, memberId: '432000001', periodStart: '2026-10-01', kind: 'charge', amountCents: 1, planCode: 'PPO-A', tier: 'FAM', confirmationNumber: null });
    }
    const counts = () => ['invoices', 'invoice_lines', 'invoice_adjustments'].map((t) => statement(db, `SELECT count(*) FROM ${t}`).pluck().get());
    deleteInvoice(db, group, 'INV-1');
    expect(findInvoice(db, group, 'INV-1')).toBeNull();
    expect(counts()).toEqual([1, 1, 1]);
    forgetGroupInvoices(db, group);
    expect(counts()).toEqual([0, 0, 0]);
    expect(localBillingSummary(db, group)).toEqual({ balanceCents: 0, lastInvoice: null });
  });
});

describe('the billing cache', () => {
  it('keeps disputes as the plan answered them, newest first, and each line’s latest', () => {
    const { db } = fileStore();
    saveDispute(db, group, dispute(1, '432000001', '2026-11-20T10:00:00.000Z'));
    saveDispute(db, group, dispute(2, '432000001', '2026-11-21T10:00:00.000Z'));
    saveDispute(db, group, dispute(3, null, '2026-11-22T10:00:00.000Z'));
    expect(listDisputes(db, group, null).map((d) => d.id)).toEqual([3, 2, 1]);
    expect(listDisputes(db, group, 'INV-9')).toEqual([]);
    expect([...latestDisputesByMember(db, 'INV-1', ['432000001', '432000002']).entries()].map(([m, d]) => [m, d.id])).toEqual([['432000001', 2]]);
    replaceDisputes(db, group, [{ ...dispute(2, '432000001', '2026-11-21T10:00:00.000Z'), status: 'resolved', resolutionNote: 'Corrected' }]);
    expect(listDisputes(db, group, 'INV-1')).toEqual([expect.objectContaining({ id: 2, status: 'resolved' })]);
  });

  it('keeps the preferences last read, null before the first read', () => {
    const { db } = fileStore();
    expect(cachedBillingPreferences(db, group)).toBeNull();
    const preferences = { paperless: true, noticeRecipients: ['ap@example.com'], updatedBy: 'payer', updatedAt: now };
    saveBillingPreferences(db, group, preferences, now);
    expect(cachedBillingPreferences(db, group)).toEqual(preferences);
  });
});
