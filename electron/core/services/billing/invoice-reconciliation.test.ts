import { describe, expect, it } from 'vitest';
import { reconciliation } from '@shared/contract/methods/billing';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { billingRoster, decemberLines, december, invoiceNumber } from '../../test-support/billing-roster';
import { insertDispute, insertInvoice } from '../../test-support/invoice-rows';
import { fixtureToday } from '../../test-support/member-fixtures';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import { queueTransaction } from '../transactions/queue-change';
import { reconcileInvoice } from './invoice-reconciliation';

const asOf = '2026-11-27T08:00:00.000Z';

function storeWithDecember() {
  const store = fileStore(billingRoster());
  insertInvoice(store.db, '4321', invoiceNumber, december, decemberLines());
  return store;
}

const dispute = (id: number, memberId: string, note: string): InvoiceDispute => ({
  id,
  invoiceNumber,
  memberId,
  reason: 'wrong_amount',
  note,
  filedBy: 'sandbox.admin',
  filedAt: `2026-11-2${id}T09:00:00.000Z`,
  status: 'open',
  resolutionNote: null,
  resolvedBy: null,
  resolvedAt: null,
});

describe('billing.reconcile: an invoice against the local roster of its month', () => {
  it('finds each kind of mismatch once, and none for the families billed by the month rules', () => {
    const result = reconciliation.parse(reconcileInvoice(storeWithDecember().db, '4321', invoiceNumber, asOf));
    expect(result).toMatchObject({ invoiceNumber, periodStart: december, billedCount: 7, coveredCount: 7, rosterAsOf: asOf });
    // Sorted by name; Mia Mid (child added mid-month), Ed End (ends Dec 31) and the Fams are not there.
    expect(result.rows.map((r) => [r.memberName, r.kind])).toEqual([
      ['Ann Amount', 'amount_differs'],
      ['Nora Newhire', 'covered_not_billed'],
      ['Pat Plan', 'plan_or_tier_differs'],
      ['Tess Gone', 'billed_but_terminated'],
      ['Tia Tier', 'plan_or_tier_differs'],
    ]);
  });

  it.each([
    [
      'a terminated member still billed',
      '432100001',
      {
        kind: 'billed_but_terminated',
        billed: { planCode: 'PPO-A', tier: 'EMP', amountCents: 50_000 },
        roster: { planCode: null, tier: null, expectedCents: null, coverageEnd: '2026-11-30' },
        explanation: 'Billed for December 2026, but the roster’s coverage ended 2026-11-30, before 2026-12-01.',
      },
    ],
    [
      'a covered member not billed',
      '432100002',
      {
        kind: 'covered_not_billed',
        memberName: 'Nora Newhire',
        billed: null,
        roster: { planCode: 'PPO-A', tier: 'EMP', expectedCents: 50_000, coverageEnd: null },
        explanation: 'Covered on 2026-12-01 under PPO-A EMP ($500.00) but not on the invoice.',
      },
    ],
    [
      'a tier change (spouse added in November)',
      '432100003',
      {
        kind: 'plan_or_tier_differs',
        roster: { planCode: 'PPO-A', tier: 'ESP', expectedCents: 100_000, coverageEnd: null },
        explanation: 'Billed PPO-A EMP; on 2026-12-01 the roster covers the family under PPO-A ESP ($1,000.00).',
      },
    ],
    ['a plan change', '432100004', { kind: 'plan_or_tier_differs', roster: { planCode: 'HMO-Z', tier: 'EMP', expectedCents: 40_000, coverageEnd: null } }],
    [
      'a wrong amount',
      '432100005',
      {
        kind: 'amount_differs',
        billed: { planCode: 'PPO-A', tier: 'EMP', amountCents: 55_000 },
        roster: { planCode: 'PPO-A', tier: 'EMP', expectedCents: 50_000, coverageEnd: null },
        explanation: 'Billed $550.00; the group’s PPO-A EMP rate for December 2026 is $500.00.',
        dispute: null,
      },
    ],
  ])('%s', (_, memberId, expected) => {
    const rows = reconcileInvoice(storeWithDecember().db, '4321', invoiceNumber, asOf).rows.filter((r) => r.memberId === memberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(expected);
  });

  it.each([
    ['a dependent added mid-month: the tier changes only from the next month', '432100006'],
    ['a termination at month end: the month is still owed', '432100007'],
    ['a family billed FAM at the FAM rate', '432100008'],
  ])('no mismatch for %s', (_, memberId) => {
    expect(reconcileInvoice(storeWithDecember().db, '4321', invoiceNumber, asOf).rows.find((r) => r.memberId === memberId)).toBeUndefined();
  });

  it('shows the latest dispute filed on a line, and none on lines not disputed', () => {
    const store = storeWithDecember();
    insertDispute(store.db, '4321', dispute(1, '432100005', 'Rate is $500'));
    insertDispute(store.db, '4321', dispute(2, '432100005', 'Still $500, see renewal'));
    insertDispute(store.db, '4321', { ...dispute(3, '432100001', 'Whole invoice'), memberId: null });
    const rows = reconcileInvoice(store.db, '4321', invoiceNumber, asOf).rows;
    expect(rows.find((r) => r.memberId === '432100005')?.dispute).toMatchObject({ id: 2, note: 'Still $500, see renewal' });
    expect(rows.filter((r) => r.dispute !== null)).toHaveLength(1);
  });

  it('counts a pending local termination as the roster shows it', () => {
    const store = storeWithDecember();
    queueTransaction({ store, today: fixtureToday, now: testNow }, '4321', { kind: 'terminate', request: { memberId: '432100008', reason: 'quit', requestedDate: '2026-11-20' } });
    expect(reconcileInvoice(store.db, '4321', invoiceNumber, asOf).rows.find((r) => r.memberId === '432100008')).toMatchObject({
      kind: 'billed_but_terminated',
      roster: { coverageEnd: '2026-11-30' },
    });
  });

  it('is NOT_FOUND for an invoice of another group or none', () => {
    const store = storeWithDecember();
    expect(() => reconcileInvoice(store.db, '4321', 'INV-4321-202612-NOPE00', asOf)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
