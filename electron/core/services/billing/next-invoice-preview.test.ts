import { describe, expect, it } from 'vitest';
import { invoicePreview } from '@shared/contract/methods/billing';
import { billingRoster, decemberLines, december, invoiceNumber } from '../../test-support/billing-roster';
import { insertInvoice } from '../../test-support/invoice-rows';
import { fixtureToday } from '../../test-support/member-fixtures';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import { queueTransaction } from '../transactions/queue-change';
import { nextCalendarPeriod, previewNextInvoice } from './next-invoice-preview';

const address = { line1: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };

function storeWithDecember() {
  const store = fileStore(billingRoster());
  insertInvoice(store.db, '4321', invoiceNumber, december, decemberLines());
  return store;
}

describe('billing.preview: the next invoice as the roster stands, against the last', () => {
  it('bills January 2027 after December’s invoice, family by family against December’s lines', () => {
    const preview = invoicePreview.parse(previewNextInvoice(storeWithDecember().db, '4321', fixtureToday));
    expect(preview).toMatchObject({ periodStart: '2027-01-01', issuesOn: '2026-12-15', lastInvoiceNumber: invoiceNumber, lastPremiumsCents: 455_000, pendingChanges: 0 });
    expect(preview.lines.map((l) => [l.memberName, l.change, l.planCode, l.tier, l.amountCents, l.lastPlanCode, l.lastTier, l.lastAmountCents, l.pending])).toEqual([
      ['Ann Amount', 'changed', 'PPO-A', 'EMP', 50_000, 'PPO-A', 'EMP', 55_000, false],
      // Terminated at December's end: December's line, none for January.
      ['Ed End', 'removed', null, null, 0, 'PPO-A', 'EMP', 50_000, false],
      // The child added December 10th makes January ECH.
      ['Mia Mid', 'changed', 'PPO-A', 'ECH', 90_000, 'PPO-A', 'EMP', 50_000, false],
      ['Nora Newhire', 'added', 'PPO-A', 'EMP', 50_000, null, null, 0, false],
      ['Pat Plan', 'changed', 'HMO-Z', 'EMP', 40_000, 'PPO-A', 'EMP', 50_000, false],
      ['Tess Gone', 'removed', null, null, 0, 'PPO-A', 'EMP', 50_000, false],
      ['Tia Tier', 'changed', 'PPO-A', 'ESP', 100_000, 'PPO-A', 'EMP', 50_000, false],
      ['Zed Fam', 'same', 'PPO-A', 'FAM', 150_000, 'PPO-A', 'FAM', 150_000, false],
    ]);
    expect(preview.premiumsCents).toBe(50_000 + 90_000 + 50_000 + 40_000 + 100_000 + 150_000);
  });

  it('counts changes waiting for the plan and marks the lines they shape', () => {
    const store = storeWithDecember();
    const env = { store, today: fixtureToday, now: testNow };
    const enrolled = queueTransaction(env, '4321', {
      kind: 'enroll',
      request: {
        subscriber: { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555112222', address, hireDate: '2026-10-01', employmentStatus: 'FT' },
        planCode: 'PPO-A',
        effectiveDate: '2026-12-01',
        dependents: [{ firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child', disabled: false }],
      },
    });
    queueTransaction(env, '4321', { kind: 'terminate', request: { memberId: '432100008', reason: 'quit', requestedDate: '2026-11-20' } });

    const preview = previewNextInvoice(store.db, '4321', fixtureToday);
    expect(preview.pendingChanges).toBe(2);
    expect(preview.lines.find((l) => l.memberName === 'Nia Okafor')).toMatchObject({ memberId: `NEW-${enrolled.id}`, change: 'added', tier: 'ECH', amountCents: 90_000, pending: true });
    expect(preview.lines.find((l) => l.memberId === '432100008')).toMatchObject({ change: 'removed', amountCents: 0, lastAmountCents: 150_000, pending: true });
    expect(preview.lines.filter((l) => l.pending)).toHaveLength(2);
  });

  it('with no invoice yet, bills the month the calendar issues next, every family added', () => {
    const preview = previewNextInvoice(fileStore(billingRoster()).db, '4321', '2026-11-10');
    expect(preview).toMatchObject({ periodStart: '2026-12-01', issuesOn: '2026-11-15', lastInvoiceNumber: null, lastPremiumsCents: null });
    expect(preview.lines.every((l) => l.change === 'added')).toBe(true);
    expect(preview.lines.map((l) => l.memberName)).toEqual(['Ann Amount', 'Ed End', 'Mia Mid', 'Nora Newhire', 'Pat Plan', 'Tia Tier', 'Zed Fam']);
  });

  it.each([
    ['before the bill day', '2026-11-10', '2026-12-01'],
    ['on the bill day', '2026-11-15', '2026-12-01'],
    ['after the bill day', '2026-11-16', '2027-01-01'],
    ['across the year end', '2026-12-20', '2027-02-01'],
  ])('the calendar’s next month %s', (_, today, period) => {
    expect(nextCalendarPeriod(today)).toBe(period);
  });
});
