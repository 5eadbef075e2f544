import type { MethodInput, MethodOutput } from '@shared/contract';
import type { BillingInvoice, BillingOverview, InvoiceAdjustmentRow, InvoiceLineRow, InvoicePreview, Reconciliation } from '@shared/contract/methods/billing';
import type { BillingPreferences } from '@shared/plan-api/billing-preferences';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { FixtureMember } from './fixtures';

/** The group's monthly rates by tier, as `groups.get` gives them for every plan. */
export const tierRates: Record<CoverageTier, number> = { EMP: 61234, ESP: 122468, ECH: 110221, FAM: 171455 };

export const decemberNumber = 'INV-100234-202612-7KQ3';
export const novemberNumber = 'INV-100234-202611-3HMP';

/**
 * Harbor Logistics' invoices: November (paid) and December (open, due 2026-12-01), billing each
 * active subscriber's family at its tier's rate, with two adjustments for months already billed.
 */
export function makeBillingFixture(members: FixtureMember[]) {
  const rows = members.map((m) => m.row);
  const subscribers = rows.filter((r) => r.relationship === 'subscriber' && r.status === 'active');
  const lines: InvoiceLineRow[] = subscribers.map((s) => ({
    memberId: s.memberId,
    memberName: `${s.lastName}, ${s.firstName}`,
    planCode: s.planCode,
    planName: s.planName,
    tier: s.tier,
    amountCents: tierRates[s.tier],
    dependents: rows
      .filter((d) => d.subscriberId === s.memberId && d.memberId !== s.memberId)
      .map((d) => ({ memberId: d.memberId, name: `${d.lastName}, ${d.firstName}`, relationship: d.relationship })),
    dispute: null,
  }));
  const premiumsCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const first = lines[0];
  const second = lines[1];
  if (!first || !second) throw new Error('The billing fixture needs at least two subscribers.');

  const adjustments: InvoiceAdjustmentRow[] = [
    { memberId: first.memberId, memberName: first.memberName, periodStart: '2026-11-01', kind: 'charge', amountCents: 61234, planCode: first.planCode, tier: first.tier, confirmationNumber: 'TX-20261104-0000042', transactionId: 42 },
    { memberId: second.memberId, memberName: second.memberName, periodStart: '2026-10-01', kind: 'credit', amountCents: -122468, planCode: null, tier: null, confirmationNumber: 'TX-20261009-0000017', transactionId: null },
  ];
  const adjustmentsCents = adjustments.reduce((sum, a) => sum + a.amountCents, 0);

  const november: BillingInvoice = {
    invoiceNumber: novemberNumber,
    periodStart: '2026-11-01',
    issuedOn: '2026-10-15',
    dueDate: '2026-11-01',
    amountCents: premiumsCents,
    status: 'paid',
    paymentStatus: 'paid',
    previousBalanceCents: 0,
    paymentsCents: 0,
    premiumsCents,
    adjustmentsCents: 0,
    totalDueCents: premiumsCents,
    lineCount: lines.length,
    adjustmentCount: 0,
  };
  const december: BillingInvoice = {
    invoiceNumber: decemberNumber,
    periodStart: '2026-12-01',
    issuedOn: '2026-11-15',
    dueDate: '2026-12-01',
    amountCents: premiumsCents + adjustmentsCents,
    status: 'open',
    paymentStatus: 'open',
    previousBalanceCents: premiumsCents,
    paymentsCents: premiumsCents,
    premiumsCents,
    adjustmentsCents,
    totalDueCents: premiumsCents + adjustmentsCents,
    lineCount: lines.length,
    adjustmentCount: adjustments.length,
  };
  const invoices = [december, november];

  const overview: BillingOverview = {
    groupNumber: '100234',
    openBalanceCents: december.totalDueCents,
    amountDueCents: december.totalDueCents,
    dueDate: december.dueDate,
    latestInvoice: december,
    lastPayment: { amountCents: premiumsCents, paidOn: '2026-10-28' },
    paperless: false,
    asOf: '2026-11-27T07:12:00.000Z',
  };

  const preferences: BillingPreferences = { paperless: false, noticeRecipients: null, updatedBy: 'pat.lee', updatedAt: '2026-09-02T16:40:00.000Z' };

  const terminated = rows.find((r) => r.relationship === 'subscriber' && r.status === 'terminated');
  const pending = rows.find((r) => r.relationship === 'subscriber' && r.status === 'pending');
  const third = lines[2] ?? first;
  const fourth = lines[3] ?? second;
  if (!terminated || !pending) throw new Error('The billing fixture needs a terminated and a pending subscriber.');
  const reconciliation: Reconciliation = {
    invoiceNumber: decemberNumber,
    periodStart: '2026-12-01',
    billedCount: lines.length,
    coveredCount: lines.length,
    rosterAsOf: '2026-11-27T07:12:00.000Z',
    rows: [
      {
        kind: 'billed_but_terminated',
        memberId: terminated.memberId,
        memberName: `${terminated.lastName}, ${terminated.firstName}`,
        billed: { planCode: terminated.planCode, tier: terminated.tier, amountCents: tierRates[terminated.tier] },
        roster: { planCode: terminated.planCode, tier: terminated.tier, expectedCents: null, coverageEnd: '2026-06-30' },
        explanation: 'Billed for December, but coverage ended on 06/30/2026.',
        dispute: null,
      },
      {
        kind: 'covered_not_billed',
        memberId: pending.memberId,
        memberName: `${pending.lastName}, ${pending.firstName}`,
        billed: null,
        roster: { planCode: pending.planCode, tier: pending.tier, expectedCents: tierRates[pending.tier], coverageEnd: null },
        explanation: 'Covered in December, but not on this invoice.',
        dispute: null,
      },
      {
        kind: 'plan_or_tier_differs',
        memberId: third.memberId,
        memberName: third.memberName,
        billed: { planCode: third.planCode, tier: 'EMP', amountCents: tierRates.EMP },
        roster: { planCode: third.planCode, tier: third.tier, expectedCents: tierRates[third.tier], coverageEnd: null },
        explanation: `Billed as EMP; the roster has ${third.tier}.`,
        dispute: null,
      },
      {
        kind: 'amount_differs',
        memberId: fourth.memberId,
        memberName: fourth.memberName,
        billed: { planCode: fourth.planCode, tier: fourth.tier, amountCents: fourth.amountCents + 500 },
        roster: { planCode: fourth.planCode, tier: fourth.tier, expectedCents: fourth.amountCents, coverageEnd: null },
        explanation: 'Billed $5.00 more than the group’s rate.',
        dispute: null,
      },
    ],
  };

  const previewLines: InvoicePreview['lines'] = lines.map((l, i) => {
    const last = { lastPlanCode: l.planCode, lastTier: l.tier, lastAmountCents: l.amountCents };
    if (i === 0) return { memberId: l.memberId, memberName: l.memberName, change: 'removed', planCode: null, tier: null, amountCents: 0, ...last, pending: true };
    if (i === 1) return { memberId: l.memberId, memberName: l.memberName, change: 'changed', planCode: l.planCode, tier: 'FAM', amountCents: tierRates.FAM, ...last, pending: false };
    return { memberId: l.memberId, memberName: l.memberName, change: 'same', planCode: l.planCode, tier: l.tier, amountCents: l.amountCents, ...last, pending: false };
  });
  previewLines.push({
    memberId: pending.memberId,
    memberName: `${pending.lastName}, ${pending.firstName}`,
    change: 'added',
    planCode: pending.planCode,
    tier: pending.tier,
    amountCents: tierRates[pending.tier],
    lastPlanCode: null,
    lastTier: null,
    lastAmountCents: 0,
    pending: true,
  });
  const preview: InvoicePreview = {
    periodStart: '2027-01-01',
    issuesOn: '2026-12-15',
    premiumsCents: previewLines.reduce((sum, l) => sum + l.amountCents, 0),
    lastPremiumsCents: premiumsCents,
    lastInvoiceNumber: decemberNumber,
    pendingChanges: 2,
    lines: previewLines,
  };

  return { lines, adjustments, invoices, overview, preferences, reconciliation, preview };
}

export type BillingFixture = ReturnType<typeof makeBillingFixture>;

/** `billing.invoiceLines` over the fixture's lines: the core's search (name or member ID), sort and paging. */
export function listInvoiceLines(lines: InvoiceLineRow[], input: MethodInput<'billing.invoiceLines'>): MethodOutput<'billing.invoiceLines'> {
  const q = (input.query ?? '').trim().toLowerCase();
  const matched = lines.filter((l) => !q || l.memberName.toLowerCase().includes(q) || l.memberId.startsWith(q));
  const by = input.sort?.by ?? 'memberName';
  const dir = input.sort?.dir === 'desc' ? -1 : 1;
  const value = (l: InvoiceLineRow) => l[by];
  matched.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * dir || a.memberId.localeCompare(b.memberId);
  });
  const offset = input.offset ?? 0;
  return { total: matched.length, totalCents: matched.reduce((sum, l) => sum + l.amountCents, 0), rows: matched.slice(offset, offset + (input.limit ?? 100)) };
}
