import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BillingSummary } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { addMonths, firstOfMonth, firstOfNextMonth } from '@shared/util/dates';
import { formatUsd } from '@shared/util/money';
import { auditLog, invoiceLines, invoices } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

// sampleGroup's rates (test-support/fixtures.ts), in cents.
const PPO = { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 };
const HMO = { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 };

describe.each(backends())('invoices (%s)', (backend) => {
  let f: EligibilityFixture;
  let thisMonth: string;
  let nextMonth: string;
  /** Next month's invoice number, as the operator's command printed it. */
  let nextNumber: string;
  const subscribers: Record<'single' | 'family' | 'parent' | 'couple' | 'leaving', string> = { single: '', family: '', parent: '', couple: '', leaving: '' };

  const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Whitfield', dateOfBirth: '1984-02-29', gender: 'M' as const };
  const child = { relationship: 'child' as const, firstName: 'Ava', lastName: 'Whitfield', dateOfBirth: '2015-06-01', gender: 'F' as const };

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    thisMonth = firstOfMonth(f.today);
    nextMonth = firstOfNextMonth(f.today);
    // A small roster, all covered since last month's 1st.
    const enroll = async (overrides: Parameters<typeof enrollment>[1]) => {
      const res = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, { effectiveDate: addMonths(thisMonth, -1), ...overrides }));
      if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.members;
    };
    const terminate = async (member: MemberView, reason: 'termination_of_employment' | 'divorce') => {
      const res = await f.post(path('/terminations'), { memberId: member.memberId, reason, requestedDate: f.today, expectedVersion: member.version });
      if (res.status !== 201) throw new Error(`terminate: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const firstId = (family: MemberView[]) => (family[0] as MemberView).memberId;
    subscribers.single = firstId(await enroll({}));
    subscribers.family = firstId(await enroll({ planCode: 'HMO-250', dependents: [spouse, child] }));
    subscribers.parent = firstId(await enroll({ dependents: [child] }));
    const couple = await enroll({ dependents: [spouse] });
    subscribers.couple = firstId(couple);
    // The spouse leaves at the end of this month: next month the couple is billed as employee only.
    await terminate(couple[1] as MemberView, 'divorce');
    const leaving = await enroll({});
    subscribers.leaving = firstId(leaving);
    await terminate(leaving[0] as MemberView, 'termination_of_employment');
  });
  afterAll(async () => f?.service.close());

  const linesOf = (invoiceNumber: string) =>
    f.service.db.select({ memberId: invoiceLines.memberId, planCode: invoiceLines.planCode, tier: invoiceLines.tier, amountCents: invoiceLines.amountCents }).from(invoiceLines).where(eq(invoiceLines.invoiceNumber, invoiceNumber)).orderBy(asc(invoiceLines.memberId));
  const byMember = <T extends { memberId: string }>(lines: T[]): T[] => [...lines].sort((a, b) => a.memberId.localeCompare(b.memberId));
  /** The number `ops issue-invoice` printed: the random code cannot be known beforehand. */
  const printedNumber = (printed: string[]): string => {
    const number = /^Issued (\S+) to group /.exec(printed[0] ?? '')?.[1];
    if (!number) throw new Error(`No invoice number in ${JSON.stringify(printed)}`);
    return number;
  };
  /** `INV-<group>-<YYYYMM>-` and six characters of the Crockford alphabet. */
  const numbered = (group: string, periodStart: string) => new RegExp(`^INV-${group}-${periodStart.slice(0, 7).replace('-', '')}-[0-9A-HJKMNP-TV-Z]{6}$`);
  const codeOf = (invoiceNumber: string) => invoiceNumber.slice(-6);

  it('bills each subscriber at the family’s tier and plan rate on the month’s first day', async () => {
    const period = thisMonth.slice(0, 7);
    const printed = await f.service.ops(['issue-invoice', '--group', GROUP, '--period', period]);
    const invoiceNumber = printedNumber(printed);
    expect(invoiceNumber).toMatch(numbered(GROUP, thisMonth));
    const expected = byMember([
      { memberId: subscribers.single, planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
      { memberId: subscribers.family, planCode: 'HMO-250', tier: 'FAM', amountCents: HMO.FAM },
      { memberId: subscribers.parent, planCode: 'PPO-500', tier: 'ECH', amountCents: PPO.ECH },
      { memberId: subscribers.couple, planCode: 'PPO-500', tier: 'ESP', amountCents: PPO.ESP },
      { memberId: subscribers.leaving, planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
    ]);
    expect(await linesOf(invoiceNumber)).toEqual(expected);
    const total = PPO.EMP + HMO.FAM + PPO.ECH + PPO.ESP + PPO.EMP;
    expect(printed).toEqual([`Issued ${invoiceNumber} to group ${GROUP}: 5 subscribers, ${formatUsd(total)}, due ${f.today}.`]);
    const [row] = await f.service.db.select().from(invoices).where(eq(invoices.invoiceNumber, invoiceNumber));
    // Issued today for a month already begun: due at once rather than on a day already past.
    expect(row).toMatchObject({ groupNumber: GROUP, periodStart: thisMonth, issuedOn: f.today, dueDate: f.today, amountCents: total, status: 'open' });
  });

  it('issues next month’s invoice by default, with the terminations of this month left out', async () => {
    const printed = await f.service.ops(['issue-invoice', '--group', GROUP]);
    const invoiceNumber = printedNumber(printed);
    nextNumber = invoiceNumber;
    expect(invoiceNumber).toMatch(numbered(GROUP, nextMonth));
    expect(printed[0]).toMatch(new RegExp(`^Issued ${invoiceNumber} to group ${GROUP}: 4 subscribers, .* due ${nextMonth}\\.$`));
    const [stored] = await f.service.db.select({ invoiceNumber: invoices.invoiceNumber }).from(invoices).where(and(eq(invoices.groupNumber, GROUP), eq(invoices.periodStart, nextMonth)));
    expect(stored?.invoiceNumber).toBe(invoiceNumber);
    expect(await linesOf(invoiceNumber)).toEqual(
      byMember([
        { memberId: subscribers.single, planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
        { memberId: subscribers.family, planCode: 'HMO-250', tier: 'FAM', amountCents: HMO.FAM },
        { memberId: subscribers.parent, planCode: 'PPO-500', tier: 'ECH', amountCents: PPO.ECH },
        { memberId: subscribers.couple, planCode: 'PPO-500', tier: 'EMP', amountCents: PPO.EMP },
      ]),
    );
    const [audit] = await f.service.db.select().from(auditLog).where(eq(auditLog.target, `invoice:${invoiceNumber}`));
    expect(audit).toMatchObject({ actor: 'ops:test', action: 'invoice.issue', detail: expect.objectContaining({ groupNumber: GROUP, amountCents: PPO.EMP + HMO.FAM + PPO.ECH + PPO.EMP, subscribers: 4 }) });
    // A watching desktop hears of it on the group's feed: the invoice, then its lines.
    const feed = await f.get<ChangesPage>(path('/changes?after=0&limit=10000'));
    const ofInvoice = feed.body.changes.filter((c) => c.entityId.startsWith(invoiceNumber));
    expect(ofInvoice[0]).toMatchObject({ entity: 'invoice', entityId: invoiceNumber, op: 'upsert', payload: { invoiceNumber, periodStart: nextMonth, status: 'open' } });
    expect(ofInvoice.slice(1).map((c) => [c.entity, c.entityId, c.payload])).toEqual(
      (await linesOf(invoiceNumber)).map((line) => ['invoice_line', `${invoiceNumber}/${line.memberId}`, { invoiceNumber, memberName: expect.any(String), ...line }]),
    );
    // Nothing else came after: the invoice's changes end the feed.
    expect(feed.body.changes.at(-1)).toEqual(ofInvoice.at(-1));
  });

  it('sums the open invoices into the balance and shows the latest, to every role that reads billing', async () => {
    const summary = await f.get<BillingSummary>(path('/billing-summary'));
    expect(summary.status).toBe(200);
    const thisTotal = PPO.EMP + HMO.FAM + PPO.ECH + PPO.ESP + PPO.EMP;
    const nextTotal = PPO.EMP + HMO.FAM + PPO.ECH + PPO.EMP;
    expect(summary.body).toEqual({
      balanceCents: thisTotal + nextTotal,
      lastInvoice: {
        invoiceNumber: nextNumber,
        periodStart: nextMonth,
        issuedOn: f.today,
        dueDate: nextMonth,
        amountCents: nextTotal,
        status: 'open',
        // This month's invoice is the previous balance; nothing paid, nothing adjusted.
        previousBalanceCents: thisTotal,
        paymentsCents: 0,
        premiumsCents: nextTotal,
        adjustmentsCents: 0,
        totalDueCents: thisTotal + nextTotal,
      },
    });
    for (const role of ['primary_admin', 'admin', 'billing'] as const) expect((await f.get(path('/billing-summary'), f.tokens[role])).status).toBe(200);
    // A paid invoice leaves the balance.
    await f.service.db.update(invoices).set({ status: 'paid' }).where(eq(invoices.periodStart, thisMonth));
    expect((await f.get<BillingSummary>(path('/billing-summary'))).body.balanceCents).toBe(nextTotal);
  });

  it('refuses the billing summary to a user without a role in the group, and without a session', async () => {
    const outsider = await f.get(path('/billing-summary'), f.tokens.other_group);
    expect(outsider).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: `You do not have access to group ${GROUP}.` } });
    expect((await f.service.api('GET', path('/billing-summary'))).status).toBe(401);
    // A group with no invoice yet: nothing owed, nothing to show.
    expect((await f.get<BillingSummary>(path('/billing-summary', OTHER_GROUP), f.tokens.other_group)).body).toEqual({ balanceCents: 0, lastInvoice: null });
  });

  it('bills a month once, at most the month after next, and only when someone is covered; nothing is written when it refuses', async () => {
    const before = await tableRowCounts(f.service.db);
    await expect(f.service.ops(['issue-invoice', '--group', GROUP])).rejects.toThrow(`Invoice ${nextNumber} was already issued on ${f.today}; a month is billed once.`);
    const tooFar = addMonths(nextMonth, 2).slice(0, 7);
    await expect(f.service.ops(['issue-invoice', '--group', GROUP, '--period', tooFar])).rejects.toThrow(`Invoices are issued at most 2 months ahead: on ${f.today} the latest month that can be billed starts ${addMonths(nextMonth, 1)}.`);
    await expect(f.service.ops(['issue-invoice', '--group', OTHER_GROUP])).rejects.toThrow(`Nobody in group ${OTHER_GROUP} is covered on ${nextMonth}: there is nothing to bill.`);
    await expect(f.service.ops(['issue-invoice', '--group', '9999'])).rejects.toThrow('Group 9999 does not exist.');
    await expect(f.service.ops(['issue-invoice', '--group', GROUP, '--period', '2026-13'])).rejects.toThrow('--period must be a month written YYYY-MM');
    await expect(f.service.ops(['issue-invoice'])).rejects.toThrow('--group must be a group number');
    expect(await tableRowCounts(f.service.db)).toEqual(before);
  });

  it('draws each number’s code at random: two groups’ invoices of one month differ, and so does a number issued again', async () => {
    // Runs last: it covers OTHER_GROUP's first subscriber, which the tests above rely on not having.
    const enrolled = await f.post(path('/enrollments', OTHER_GROUP), enrollment(f.today), { token: f.tokens.other_group });
    expect(enrolled.status).toBe(201);
    const other = printedNumber(await f.service.ops(['issue-invoice', '--group', OTHER_GROUP]));
    expect(other).toMatch(numbered(OTHER_GROUP, nextMonth));
    expect(codeOf(other)).not.toBe(codeOf(nextNumber));

    // The same group and month issued again (its invoice withdrawn first): a new code, not the old number.
    await f.service.db.transaction(async (tx) => {
      await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceNumber, other));
      await tx.delete(invoices).where(eq(invoices.invoiceNumber, other));
    });
    const reissued = printedNumber(await f.service.ops(['issue-invoice', '--group', OTHER_GROUP]));
    expect(reissued).toMatch(numbered(OTHER_GROUP, nextMonth));
    expect(codeOf(reissued)).not.toBe(codeOf(other));
    const stored = await f.service.db.select({ invoiceNumber: invoices.invoiceNumber }).from(invoices).where(inArray(invoices.groupNumber, [GROUP, OTHER_GROUP]));
    expect(stored.map((r) => r.invoiceNumber)).toHaveLength(3);
    expect(stored.map((r) => r.invoiceNumber)).toEqual(expect.arrayContaining([nextNumber, reissued]));
  });
});
