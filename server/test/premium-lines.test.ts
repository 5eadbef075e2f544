import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { familyMonthCharge } from '@shared/domain/month-billing';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { loadGroup } from '../src/services/eligibility/group-detail';
import { createGroup } from '../src/services/groups/create-group';
import { byFamily, coverageColumns, coverageOnFile, insertPremiumLines, type CoverageColumnsRow } from '../src/services/billing/premium-lines';
import { openDatabase, type Db } from '../src/store/db';
import { sampleGroup } from '../test-support/fixtures';

/**
 * The invoice's lines are written by one INSERT … SELECT (premium-lines.ts) so that a large group
 * costs one statement; the rules are familyMonthCharge's (shared/domain/month-billing.ts). Both must
 * give the same lines for every kind of family, month by month.
 */
const GROUP = '7001';
type Period = [member: string, relationship: string, dateOfBirth: string, disabled: boolean, plan: string, start: string, end: string | null];

const families: Record<string, Period[]> = {
  // Employee only.
  '300000001': [['300000001', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-01-01', null]],
  // The spouse leaves at the end of March.
  '300000002': [
    ['300000002', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-01-01', null],
    ['300000002-01', 'spouse', '1981-01-01', false, 'PPO-500', '2026-01-01', '2026-03-31'],
  ],
  // A child turning 26 in March ages out; a disabled one past 26 does not.
  '300000003': [
    ['300000003', 'subscriber', '1970-01-01', false, 'PPO-500', '2026-01-01', null],
    ['300000003-01', 'child', '2000-03-20', false, 'PPO-500', '2026-01-01', null],
  ],
  '300000004': [
    ['300000004', 'subscriber', '1960-01-01', false, 'HMO-250', '2026-01-01', null],
    ['300000004-01', 'child', '1990-06-01', true, 'HMO-250', '2026-01-01', null],
  ],
  // A newborn of April 10: family from May.
  '300000005': [
    ['300000005', 'subscriber', '1985-01-01', false, 'PPO-500', '2026-01-01', null],
    ['300000005-01', 'spouse', '1986-01-01', false, 'PPO-500', '2026-01-01', null],
    ['300000005-02', 'child', '2026-04-10', false, 'PPO-500', '2026-04-10', null],
  ],
  // The subscriber leaves at the end of March; the child stays covered on the family's plan.
  '300000006': [
    ['300000006', 'subscriber', '1975-01-01', false, 'HMO-250', '2026-01-01', '2026-03-31'],
    ['300000006-01', 'child', '2010-01-01', false, 'HMO-250', '2026-01-01', null],
  ],
  // A period replaced on its first day never bills; the one before it ended in March.
  '300000007': [
    ['300000007', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-01-01', '2026-03-31'],
    ['300000007', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-04-01', '2026-03-31'],
  ],
  // Domestic partner and stepchild: family.
  '300000008': [
    ['300000008', 'subscriber', '1980-01-01', false, 'HMO-250', '2026-02-01', null],
    ['300000008-01', 'domestic_partner', '1980-01-01', false, 'HMO-250', '2026-02-01', null],
    ['300000008-02', 'stepchild', '2012-01-01', false, 'HMO-250', '2026-02-01', null],
  ],
  // Terminated mid-April: covered on the 1st, billed for April.
  '300000009': [['300000009', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-01-01', '2026-04-12']],
  // A tier change split the subscriber's coverage in two periods.
  '300000010': [
    ['300000010', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-01-01', '2026-03-31'],
    ['300000010', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-04-01', null],
    ['300000010-01', 'foster_child', '2014-01-01', false, 'PPO-500', '2026-04-01', null],
  ],
  // Enrolled mid-month: from the next month.
  '300000011': [['300000011', 'subscriber', '1980-01-01', false, 'PPO-500', '2026-03-15', null]],
};

describe('premium lines in SQL', () => {
  let close: () => Promise<void>;
  let db: Db;

  beforeAll(async () => {
    const opened = await openDatabase({});
    db = opened.db;
    close = opened.close;
    const at = new Date('2026-01-01T00:00:00Z');
    await createGroup(db, sampleGroup(GROUP), { actorUserId: 'ops:test', sessionId: null, ip: null }, at);
    const members = new Map(Object.entries(families).flatMap(([subscriber, periods]) => periods.map((p) => [p[0], { subscriber, p }] as const)));
    for (const [memberId, { subscriber, p }] of members) {
      await db.execute(sql`INSERT INTO members (member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, disabled, updated_at)
        VALUES (${memberId}, ${GROUP}, ${subscriber}, ${p[1]}, 'A', 'B', ${p[2]}::date, 'U', '{}', ${p[3]}, ${at.toISOString()}::timestamptz)`);
    }
    for (const p of Object.values(families).flat()) {
      await db.execute(sql`INSERT INTO coverage_periods (member_id, group_number, plan_code, tier, start_date, end_date, reason, created_at)
        VALUES (${p[0]}, ${GROUP}, ${p[4]}, 'EMP', ${p[5]}::date, ${p[6]}::date, 'test', ${at.toISOString()}::timestamptz)`);
    }
  });
  afterAll(async () => close?.());

  it.each(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'])('bills %s as familyMonthCharge does', async (month) => {
    const invoiceNumber = `INV-${GROUP}-${month.slice(0, 4)}${month.slice(5, 7)}-ABCDEF`;
    await db.execute(sql`INSERT INTO invoices (invoice_number, group_number, period_start, issued_on, due_date, amount_cents, created_at)
      VALUES (${invoiceNumber}, ${GROUP}, ${month}::date, ${month}::date, ${month}::date, 0, now())`);
    const group = await loadGroup(db, GROUP);
    const written = await insertPremiumLines(db, { groupNumber: GROUP, policy: defaultGroupPolicy }, month, invoiceNumber);
    const lines = await db.execute<{ member_id: string; plan_code: string; tier: string; amount_cents: string | number }>(
      sql`SELECT member_id, plan_code, tier, amount_cents FROM invoice_lines WHERE invoice_number = ${invoiceNumber} ORDER BY member_id`,
    );
    const periods = await db.execute<CoverageColumnsRow>(sql`SELECT ${coverageColumns} FROM coverage_periods c JOIN members m ON m.member_id = c.member_id ORDER BY m.subscriber_id, c.id`);
    const expected = [...byFamily(periods.rows.map(coverageOnFile))].flatMap(([subscriberId, family]) => {
      const charge = familyMonthCharge(subscriberId, family, month, group.plans, group.policy);
      return charge ? [{ member_id: charge.subscriberId, plan_code: charge.planCode, tier: charge.tier, amount_cents: charge.amountCents }] : [];
    });
    expect(lines.rows.map((l) => ({ ...l, amount_cents: Number(l.amount_cents) }))).toEqual(expected);
    expect(written).toEqual({ count: expected.length, premiumsCents: expected.reduce((sum, l) => sum + l.amount_cents, 0) });
    expect(expected.length).toBeGreaterThan(0);
  });
});
