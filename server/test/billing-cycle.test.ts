import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { createSession } from '../src/services/accounts/sessions';
import { runBillingCycle } from '../src/services/billing/billing-cycle';
import { issueMonth } from '../src/services/billing/issue-invoice';
import { BILLING_CYCLE_ACTOR } from '../src/jobs/billing-cycle';
import { auditLog, invoiceAdjustments, invoiceLines, invoices, users } from '../src/store/schema';
import { uniqueUserId } from '../test-support/fixtures';
import { backends } from '../test-support/backends';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

// sampleGroup's PPO rates (test-support/fixtures.ts), in cents.
const PPO = { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 };

const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Whitfield', dateOfBirth: '1984-02-29', gender: 'M' as const };

describe.each(backends())('the billing cycle (%s)', (backend) => {
  let f: EligibilityFixture;
  /** Subscribers: A single, B with a spouse; C enrolled retroactively later. */
  const ids = { a: '', b: '', c: '' };
  let a: MemberView;
  let bSpouse: MemberView;
  const tx = { termination: '', enrollment: '', birth: '' };

  /** An administrator of each group: the clock moves months ahead here, past any session's life, so each step signs in anew. */
  const admins: Record<string, string> = {};

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    for (const group of [GROUP, OTHER_GROUP]) {
      const userId = uniqueUserId('bill');
      const now = f.service.clock.now();
      await f.service.db.insert(users).values({ userId, passwordHash: 'not-used', name: 'Billing test', email: `${userId}@example.com`, emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
      await f.service.grantRole(userId, group, 'primary_admin');
      admins[group] = userId;
    }
  });
  afterAll(async () => f?.service.close());

  /** Sets the service clock to noon (UTC) of `day`. */
  const on = (day: string) => f.service.clock.set(`${day}T12:00:00.000Z`);
  const pass = async () => (await f.service.billingCycle.runNow()).issued.filter((i) => i.groupNumber === GROUP).map((i) => i.periodStart);
  const invoicesOf = (group = GROUP) => f.service.db.select().from(invoices).where(eq(invoices.groupNumber, group)).orderBy(asc(invoices.periodStart));
  const invoiceOf = async (periodStart: string) => {
    const found = (await invoicesOf()).find((i) => i.periodStart === periodStart);
    if (!found) throw new Error(`No invoice for ${periodStart}`);
    return found;
  };
  const post = async (suffix: string, body: unknown, group = GROUP) => {
    const { token } = await createSession(f.service.db, admins[group] ?? '', '127.0.0.1', f.service.clock.now());
    return f.post<TransactionAccepted>(path(suffix, group), body, { token });
  };
  const get = async <T,>(suffix: string, group = GROUP) => {
    const { token } = await createSession(f.service.db, admins[group] ?? '', '127.0.0.1', f.service.clock.now());
    return f.get<T>(path(suffix, group), token);
  };
  const enroll = async (day: string, overrides: Parameters<typeof enrollment>[1], group = GROUP) => {
    const res = await post('/enrollments', enrollment(day, overrides), group);
    if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('issues a group’s first invoice for the latest month the calendar has issued, and nothing more when run again', async () => {
    on('2026-10-05');
    const single = await enroll('2026-10-05', { effectiveDate: '2026-10-01' });
    const couple = await enroll('2026-10-05', { effectiveDate: '2026-10-01', dependents: [spouse] });
    a = single.members[0] as MemberView;
    bSpouse = couple.members[1] as MemberView;
    ids.a = a.memberId;
    ids.b = (couple.members[0] as MemberView).memberId;

    expect(await pass()).toEqual(['2026-10-01']);
    expect(await pass()).toEqual([]);
    const [october, ...more] = await invoicesOf();
    expect(more).toEqual([]);
    expect(october).toMatchObject({ issuedOn: '2026-10-05', dueDate: '2026-10-05', previousBalanceCents: 0, paymentsCents: 0, premiumsCents: PPO.EMP + PPO.ESP, adjustmentsCents: 0, totalDueCents: PPO.EMP + PPO.ESP });
    const [audit] = await f.service.db.select({ actor: auditLog.actor }).from(auditLog).where(eq(auditLog.target, `invoice:${october?.invoiceNumber ?? ''}`));
    expect(audit?.actor).toBe(BILLING_CYCLE_ACTOR.actorUserId);
  });

  it('issues next month’s invoice on the bill day (the 15th of the month before)', async () => {
    on('2026-10-14');
    expect(await pass()).toEqual([]);
    on('2026-10-20');
    expect(await pass()).toEqual(['2026-11-01']);
    expect(await invoiceOf('2026-11-01')).toMatchObject({ dueDate: '2026-11-01', previousBalanceCents: PPO.EMP + PPO.ESP, totalDueCents: 2 * (PPO.EMP + PPO.ESP) });
  });

  it('catches up after the service was down three months: each missed month once, in order, across the year end', async () => {
    on('2027-01-20');
    expect(await pass()).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
    expect(await pass()).toEqual([]);
    const monthly = PPO.EMP + PPO.ESP;
    const issued = (await invoicesOf()).map((i) => [i.periodStart, i.issuedOn, i.dueDate, i.previousBalanceCents, i.totalDueCents]);
    expect(issued).toEqual([
      ['2026-10-01', '2026-10-05', '2026-10-05', 0, monthly],
      ['2026-11-01', '2026-10-20', '2026-11-01', monthly, 2 * monthly],
      // Late: due the day they are issued.
      ['2026-12-01', '2027-01-20', '2027-01-20', 2 * monthly, 3 * monthly],
      ['2027-01-01', '2027-01-20', '2027-01-20', 3 * monthly, 4 * monthly],
      ['2027-02-01', '2027-01-20', '2027-02-01', 4 * monthly, 5 * monthly],
    ]);
    // The feed announces them in the same order.
    const feed = await get<ChangesPage>('/changes?after=0&limit=10000');
    const announced = feed.body.changes.filter((c) => c.entity === 'invoice').map((c) => (c.payload as { periodStart: string }).periodStart);
    expect(announced).toEqual(['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });

  it('charges a retroactive enrollment and tier change back to their months and credits a retroactive termination, each naming its transaction', async () => {
    on('2027-01-25');
    const divorced = await post('/terminations', { memberId: bSpouse.memberId, reason: 'divorce', requestedDate: '2026-11-15', expectedVersion: bSpouse.version });
    expect(divorced.status).toBe(201);
    tx.termination = divorced.body.confirmationNumber;
    const late = await enroll('2027-01-25', { effectiveDate: '2026-12-01' });
    tx.enrollment = late.confirmationNumber;
    ids.c = (late.members[0] as MemberView).memberId;
    const child = { relationship: 'child' as const, firstName: 'Ava', lastName: 'Whitfield', dateOfBirth: '2027-01-01', gender: 'F' as const };
    const born = await post('/dependents', { subscriberId: a.memberId, dependent: child, event: { kind: 'birth', date: '2027-01-01' }, expectedVersion: a.version });
    expect(born.status).toBe(201);
    tx.birth = born.body.confirmationNumber;

    on('2027-02-15');
    expect(await pass()).toEqual(['2027-03-01']);
    const march = await invoiceOf('2027-03-01');
    const adjustments = await f.service.db
      .select({ memberId: invoiceAdjustments.memberId, periodStart: invoiceAdjustments.periodStart, kind: invoiceAdjustments.kind, amountCents: invoiceAdjustments.amountCents, tier: invoiceAdjustments.tier, confirmationNumber: invoiceAdjustments.confirmationNumber })
      .from(invoiceAdjustments)
      .where(eq(invoiceAdjustments.invoiceNumber, march.invoiceNumber));
    const expected = [
      // The spouse's coverage ended Nov 30: December to February are credited, within the retro window.
      ...['2026-12-01', '2027-01-01', '2027-02-01'].map((m) => ({ memberId: ids.b, periodStart: m, kind: 'credit', amountCents: PPO.EMP - PPO.ESP, tier: 'EMP', confirmationNumber: tx.termination })),
      // Enrolled from December 1: charged for every month billed since.
      ...['2026-12-01', '2027-01-01', '2027-02-01'].map((m) => ({ memberId: ids.c, periodStart: m, kind: 'charge', amountCents: PPO.EMP, tier: 'EMP', confirmationNumber: tx.enrollment })),
      // A newborn of January 1: the family is billed as employee + child from January.
      ...['2027-01-01', '2027-02-01'].map((m) => ({ memberId: ids.a, periodStart: m, kind: 'charge', amountCents: PPO.ECH - PPO.EMP, tier: 'ECH', confirmationNumber: tx.birth })),
    ];
    const order = (rows: { memberId: string; periodStart: string }[]) => [...rows].sort((x, y) => `${x.memberId}${x.periodStart}`.localeCompare(`${y.memberId}${y.periodStart}`));
    expect(order(adjustments)).toEqual(order(expected));
    const premiums = PPO.ECH + PPO.EMP + PPO.EMP;
    const adjusted = expected.reduce((sum, adj) => sum + adj.amountCents, 0);
    const february = await invoiceOf('2027-02-01');
    expect(march).toMatchObject({ premiumsCents: premiums, adjustmentsCents: adjusted, amountCents: premiums + adjusted, previousBalanceCents: february.totalDueCents, paymentsCents: 0, totalDueCents: february.totalDueCents + premiums + adjusted });

    // The desktop replicates the adjustments from the feed, with the transaction to link to.
    const feed = await get<ChangesPage>('/changes?after=0&limit=10000');
    const fed = feed.body.changes.filter((c) => c.entity === 'invoice_adjustment').map((c) => c.payload);
    expect(fed).toHaveLength(expected.length);
    expect(fed).toContainEqual({ invoiceNumber: march.invoiceNumber, memberId: ids.b, memberName: expect.any(String), periodStart: '2026-12-01', kind: 'credit', amountCents: PPO.EMP - PPO.ESP, planCode: 'PPO-500', tier: 'EMP', confirmationNumber: tx.termination });
    const lines = feed.body.changes.filter((c) => c.entity === 'invoice_line' && c.entityId.startsWith(march.invoiceNumber));
    expect(lines).toHaveLength(3);
  });

  it('does not adjust the same change twice', async () => {
    on('2027-03-15');
    expect(await pass()).toEqual(['2027-04-01']);
    const april = await invoiceOf('2027-04-01');
    expect(april).toMatchObject({ adjustmentsCents: 0, premiumsCents: PPO.ECH + PPO.EMP + PPO.EMP });
    expect(await f.service.db.select().from(invoiceAdjustments).where(eq(invoiceAdjustments.invoiceNumber, april.invoiceNumber))).toEqual([]);
  });

  it('issues exactly one invoice per group and month when passes and operators run at once', async () => {
    on('2027-03-16');
    for (let i = 0; i < 3; i += 1) {
      await enroll('2027-03-16', { effectiveDate: '2027-03-01' }, OTHER_GROUP);
    }
    on('2027-05-20');
    const asOf = '2027-05-20';
    const now = f.service.clock.now();
    const runs = await Promise.all([
      ...Array.from({ length: 4 }, () => runBillingCycle(f.service.db, { asOf }, BILLING_CYCLE_ACTOR, now)),
      f.service.billingCycle.runNow(),
      f.service.ops(['issue-invoice', '--date', asOf]).then(() => null),
      f.service.ops(['issue-invoice', '--date', asOf, '--group', OTHER_GROUP]).then(() => null),
    ]);
    const months = async (group: string) => (await invoicesOf(group)).filter((i) => i.periodStart >= '2027-05-01').map((i) => i.periodStart);
    expect(await months(GROUP)).toEqual(['2027-05-01', '2027-06-01']);
    expect(await months(OTHER_GROUP)).toEqual(['2027-06-01']);
    const reported = runs.flatMap((r) => r?.issued ?? []);
    expect(reported.length).toBeLessThanOrEqual(3);
    expect(runs.every((r) => r === null || r.failed.length === 0)).toBe(true);
    const [june] = (await invoicesOf(OTHER_GROUP)).filter((i) => i.periodStart === '2027-06-01');
    expect(await f.service.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceNumber, june?.invoiceNumber ?? ''))).toHaveLength(3);
    const feed = await get<ChangesPage>('/changes?after=0&limit=10000', OTHER_GROUP);
    expect(feed.body.changes.filter((c) => c.entity === 'invoice')).toHaveLength(1);

    // The operator's command prints what it did; run again, it finds everything issued.
    expect(await f.service.ops(['issue-invoice', '--date', asOf])).toEqual([`Billing cycle as of ${asOf}: 0 issued, 0 already issued, 0 with nothing to bill, 0 failed.`]);
    await expect(f.service.ops(['issue-invoice', '--date', asOf, '--period', '2027-06'])).rejects.toThrow(/either --date or --period/);
    await expect(f.service.ops(['issue-invoice', '--date', '2027-02-30'])).rejects.toThrow(/--date must be a day/);

    // The same month asked for by many at once: the database lets one through.
    const july = { groupNumber: OTHER_GROUP, periodStart: '2027-07-01', issuedOn: asOf };
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => issueMonth(f.service.db, july, BILLING_CYCLE_ACTOR, now)));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_issued', 'already_issued', 'already_issued', 'already_issued', 'already_issued', 'issued']);
  });
});
