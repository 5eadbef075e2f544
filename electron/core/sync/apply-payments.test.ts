import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { returnReasonWords } from '@shared/domain/ach-return-codes';
import type { Payment } from '@shared/plan-api/payments';
import { parseChangesPage } from '../plan-service/feed-parse';
import { billingInvoices, billingOverview } from '../services/billing/invoice-detail';
import { listPaymentItems } from '../services/payments/payment-items';
import { listNotifications } from '../store/repositories/notifications-repository';
import type { Store } from '../store/store';
import { december, invoiceAmounts, november, paymentsStore } from '../test-support/payments-test-kit';
import { applyFeedPage } from './apply-page';

const scheduled: Payment = {
  confirmationNumber: 'PAY-261207-7KQ4M2',
  amountCents: 60_000,
  paymentDate: '2026-12-07',
  settlementDate: '2026-12-08',
  status: 'scheduled',
  bankAccount: { id: 'BA-7KQ4M2XZ', nickname: 'Operating account', accountLast4: '6789', accountType: 'checking' },
  allocations: [
    { invoiceNumber: november, amountCents: 50_000 },
    { invoiceNumber: december, amountCents: 10_000 },
  ],
  autopay: false,
  submittedBy: 'payer@example.com',
  submittedAt: '2026-12-07T15:00:00.000Z',
  cancellableUntil: '2026-12-07T22:00:00.000Z',
  cancelledAt: null,
  settledAt: null,
  returnCode: null,
  returnReason: null,
  returnedAt: null,
};
const settled: Payment = { ...scheduled, status: 'settled', cancellableUntil: null, settledAt: '2026-12-08T14:00:00.000Z' };
const returned: Payment = { ...settled, status: 'returned', returnCode: 'R01', returnReason: 'There was not enough money in the account.', returnedAt: '2026-12-10T14:00:00.000Z' };
// November is paid in full by the settled payment: the plan re-sends it as paid.
const novemberPaid = {
  invoiceNumber: november,
  periodStart: '2026-11-01',
  issuedOn: '2026-10-15',
  dueDate: '2026-11-20',
  amountCents: invoiceAmounts[november],
  status: 'paid',
  previousBalanceCents: 0,
  paymentsCents: 0,
  premiumsCents: invoiceAmounts[november],
  adjustmentsCents: 0,
  totalDueCents: invoiceAmounts[november],
};

describe('payments from the change feed', () => {
  let store: Store;
  let seq = 0;
  const now = '2026-12-08T15:00:00.000Z';

  /** One feed page through the real parser and the real page apply. */
  const apply = (entries: { entity: string; entityId: string; payload: unknown }[], announce: boolean) => {
    const changes = entries.map((e) => ({ ...e, seq: ++seq, op: 'upsert', committedAt: now }));
    const page = parseChangesPage(JSON.stringify({ groupNumber: '4321', changes, nextAfter: seq, headSeq: seq, hasMore: false }), '4321');
    return applyFeedPage(store, page, { user: null, now, indexHoliday: false, announceInvoices: announce });
  };
  const payment = (p: Payment) => ({ entity: 'payment', entityId: p.confirmationNumber, payload: p });
  const balance = () => store.db.prepare(`SELECT balance_cents FROM groups WHERE group_number = '4321'`).pluck().get();
  const notices = () => listNotifications(store.db, false, 50);

  beforeEach(() => {
    seq = 0;
    store = paymentsStore();
  });
  afterEach(() => store.db.close());

  it('keeps the newest record of each payment; a first sync announces nothing', () => {
    const outcome = apply([payment(scheduled), payment(settled)], false);
    expect(outcome.events).toEqual([{ type: 'billing.changed', groupNumber: '4321' }]);
    expect(listPaymentItems(store.db, '4321')).toEqual([{ outboxId: null, state: 'settled', payment: settled, request: null, problem: null, createdAt: settled.submittedAt }]);
    expect(notices()).toEqual([]);
  });

  it('announces a settled payment once, and the balance, last payment and invoice states follow', () => {
    apply([payment(scheduled)], false);
    // As the plan counts it: a scheduled payment covers its invoices already.
    expect(balance()).toBe(110_000);
    const outcome = apply([payment(settled)], true);
    expect(outcome.events).toContainEqual(expect.objectContaining({ type: 'notification.created', kind: 'payment.settled', title: 'Payment of $600.00 received' }));
    expect(notices()).toEqual([expect.objectContaining({ kind: 'payment.settled', body: expect.stringContaining('settled on 2026-12-08'), link: '#/billing/payments' })]);
    expect(balance()).toBe(110_000);
    expect(billingOverview(store, '4321', '2026-12-08')).toMatchObject({ openBalanceCents: 110_000, lastPayment: { amountCents: 60_000, paidOn: '2026-12-08' } });
    expect(billingInvoices(store, '4321', '2026-12-08').find((i) => i.invoiceNumber === december)?.paymentStatus).toBe('partly_paid');
    // The plan marks November paid and re-sends it; the same record again is no news.
    apply([{ entity: 'invoice', entityId: november, payload: novemberPaid }, payment(settled)], true);
    expect(billingInvoices(store, '4321', '2026-12-08').find((i) => i.invoiceNumber === november)?.paymentStatus).toBe('paid');
    expect(balance()).toBe(110_000);
    expect(notices()).toHaveLength(1);
  });

  it('announces a return in plain words, names no member, and the invoices owe again', () => {
    apply([payment(settled)], false);
    apply([payment(returned)], true);
    const [notice] = notices();
    expect(notice).toMatchObject({ kind: 'payment.returned', title: 'Payment of $600.00 returned by the bank', body: expect.stringContaining(returnReasonWords('R01')) });
    const memberNames = store.db.prepare(`SELECT first_name || ' ' || last_name FROM members`).pluck().all() as string[];
    for (const name of memberNames) expect(`${notice?.title} ${notice?.body}`).not.toContain(name);
    expect(balance()).toBe(170_000);
    expect(billingOverview(store, '4321', '2026-12-10').lastPayment).toBeNull();
    expect(listPaymentItems(store.db, '4321')[0]).toMatchObject({ state: 'returned', problem: returnReasonWords('R01') });
  });

  it('refuses a page whose payment is not the plan’s shape', () => {
    expect(() => apply([{ entity: 'payment', entityId: 'PAY-1', payload: { ...scheduled, amountCents: '600.00' } }], true)).toThrow(/changes\.0/);
  });
});
