import { describe, expect, it } from 'vitest';
import { invoiceLineSortColumns } from '@shared/contract/methods/billing';
import { saveDispute } from '../../store/repositories/billing-cache-repository';
import { upsertInvoice, upsertInvoiceLine } from '../../store/repositories/invoices-repository';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';
import { fileStore } from '../../test-support/transactions-test-store';
import { invoiceLinesPage, linesSql, type InvoiceLineSort } from './invoice-lines';

const group = '4321';
const now = '2026-11-27T10:00:00.000Z';

/** December's invoice of the fixture group: the two families covered then, and 40 more subscribers not on this roster. */
function billedStore(): Store {
  const store = fileStore();
  const { db } = store;
  upsertInvoice(
    db,
    group,
    {
      invoiceNumber: 'INV-12',
      periodStart: '2026-12-01',
      issuedOn: '2026-11-15',
      dueDate: '2026-12-01',
      amountCents: 0,
      status: 'open',
      previousBalanceCents: 0,
      paymentsCents: 0,
      premiumsCents: 0,
      adjustmentsCents: 0,
      totalDueCents: 0,
    },
    now,
  );
  upsertInvoiceLine(db, group, { invoiceNumber: 'INV-12', memberId: '432000001', memberName: 'Walter Zimmer', planCode: 'PPO-A', tier: 'FAM', amountCents: 150_000 });
  upsertInvoiceLine(db, group, { invoiceNumber: 'INV-12', memberId: '432000002', memberName: 'Beth Abbott', planCode: 'HMO-Z', tier: 'ECH', amountCents: 70_000 });
  for (let i = 0; i < 40; i++) {
    const memberId = `4329${String(i).padStart(5, '0')}`;
    upsertInvoiceLine(db, group, { invoiceNumber: 'INV-12', memberId, memberName: `Payroll ${String.fromCharCode(65 + (i % 26))}${i}`, planCode: i % 2 ? 'PPO-A' : 'HMO-Z', tier: 'EMP', amountCents: 40_000 + i });
  }
  return store;
}

const page = (store: Store, over: Partial<Parameters<typeof invoiceLinesPage>[1]> = {}) =>
  invoiceLinesPage(store, { groupNumber: group, invoiceNumber: 'INV-12', query: '', sort: { by: 'memberName', dir: 'asc' }, offset: 0, limit: 100, withDependents: false, ...over });

describe('an invoice’s member lines', () => {
  it('walks an index for every sort, both ways, with or without a search: no sorting of the lines', () => {
    const { db } = billedStore();
    for (const by of invoiceLineSortColumns) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const search of [false, true]) {
          const sort: InvoiceLineSort = { by, dir };
          const plan = statement(db, `EXPLAIN QUERY PLAN ${linesSql(sort, search)}`)
            .all({ invoiceNumber: 'INV-12', limit: 100, offset: 0, ...(search ? { pattern: '%a%' } : {}) })
            .map((row) => (row as { detail: string }).detail)
            .join('; ');
          expect(plan, `${by} ${dir}${search ? ' searched' : ''}`).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
          expect(plan, `${by} ${dir}${search ? ' searched' : ''}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });

  it('pages and sorts the lines, with totals of every line the search matches', () => {
    const store = billedStore();
    const all = page(store, { limit: 500 });
    expect(all.total).toBe(42);
    expect(all.totalCents).toBe(150_000 + 70_000 + 40 * 40_000 + (39 * 40) / 2);
    const names = all.rows.map((r) => r.memberName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || 0));
    const first = page(store, { limit: 10 });
    const second = page(store, { limit: 10, offset: 10 });
    expect([...first.rows, ...second.rows].map((r) => r.memberId)).toEqual(all.rows.slice(0, 20).map((r) => r.memberId));
    const byAmount = page(store, { sort: { by: 'amountCents', dir: 'desc' }, limit: 3 }).rows.map((r) => r.amountCents);
    expect(byAmount).toEqual([150_000, 70_000, 40_039]);
    expect(page(store, { sort: { by: 'tier', dir: 'asc' }, limit: 1 }).rows[0]?.tier).toBe('ECH');

    // By name or member ID, whatever the case; the totals are the matches'.
    expect(page(store, { query: 'zIMM' })).toMatchObject({ total: 1, totalCents: 150_000, rows: [{ memberId: '432000001' }] });
    expect(page(store, { query: '432000002' }).rows.map((r) => r.memberName)).toEqual(['Beth Abbott']);
    expect(page(store, { query: '100%' })).toMatchObject({ total: 0, totalCents: 0, rows: [] });
  });

  it('names the plan, lists the family covered in the month for a role that reads members, and the line’s latest dispute', () => {
    const store = billedStore();
    saveDispute(store.db, group, {
      id: 7,
      invoiceNumber: 'INV-12',
      memberId: '432000002',
      reason: 'wrong_plan_or_tier',
      note: 'Zoe left in June',
      filedBy: 'payer',
      filedAt: now,
      status: 'open',
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: null,
    });
    const admin = page(store, { query: '43200000', withDependents: true }).rows;
    expect(admin.map((r) => [r.memberId, r.planName, r.dependents.map((d) => [d.name, d.relationship]), r.dispute?.id ?? null])).toEqual([
      // Zoe's coverage ended in June: not in December's family.
      ['432000002', 'Zeta HMO', [], 7],
      [
        '432000001',
        'Alpha PPO',
        [
          ['Aaron Zimmer', 'spouse'],
          ['Yves Zimmer', 'child'],
        ],
        null,
      ],
    ]);
    expect(page(store, { query: '432000001', withDependents: false }).rows[0]?.dependents).toEqual([]);
    expect(() => page(store, { invoiceNumber: 'INV-404' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
