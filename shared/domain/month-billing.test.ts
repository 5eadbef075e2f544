import { describe, expect, it } from 'vitest';
import type { Plan } from '../contract/schemas/group';
import { defaultGroupPolicy } from './default-policy';
import { familyMonthCharge, isBilledInMonth, monthAdjustment, totalDue, type BillableCoverage, type MonthCharge } from './month-billing';

const PPO: Plan = { code: 'PPO-500', name: 'PPO 500', kind: 'PPO', rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 } };
const HMO: Plan = { code: 'HMO-250', name: 'HMO 250', kind: 'HMO', rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } };
const plans = [PPO, HMO];
const policy = defaultGroupPolicy;

const sub = (startDate: string, endDate: string | null = null, planCode = 'PPO-500'): BillableCoverage => ({
  memberId: 'S',
  relationship: 'subscriber',
  dateOfBirth: '1980-05-05',
  disabled: false,
  planCode,
  startDate,
  endDate,
});
const spouse = (startDate: string, endDate: string | null = null): BillableCoverage => ({ ...sub(startDate, endDate), memberId: 'P', relationship: 'spouse' });
const child = (startDate: string, endDate: string | null = null, dateOfBirth = '2015-06-01', disabled = false): BillableCoverage => ({
  ...sub(startDate, endDate),
  memberId: 'C',
  relationship: 'child',
  dateOfBirth,
  disabled,
});

describe('isBilledInMonth: whole months, owed by whoever is covered on the 1st', () => {
  it.each([
    ['enrolled on the 1st', sub('2026-03-01'), '2026-03-01', true],
    ['enrolled mid-month: not that month', sub('2026-03-10'), '2026-03-01', false],
    ['enrolled mid-month: from the next month', sub('2026-03-10'), '2026-04-01', true],
    ['enrolled on the last day: from the next month', sub('2026-03-31'), '2026-04-01', true],
    ['terminated at month end: billed through that month', sub('2026-01-01', '2026-03-31'), '2026-03-01', true],
    ['terminated at month end: not the month after', sub('2026-01-01', '2026-03-31'), '2026-04-01', false],
    ['terminated mid-month: the month is owed', sub('2026-01-01', '2026-03-12'), '2026-03-01', true],
    ['terminated on the 1st: covered that day, owed', sub('2026-01-01', '2026-03-01'), '2026-03-01', true],
    ['superseded on its first day (end before start): never billed', sub('2026-03-01', '2026-02-28'), '2026-03-01', false],
    ['across the year end: December', sub('2025-11-01', '2025-12-31'), '2025-12-01', true],
    ['across the year end: January after a December end', sub('2025-11-01', '2025-12-31'), '2026-01-01', false],
    ['across the year end: enrolled Dec 15, billed from January', sub('2025-12-15'), '2026-01-01', true],
    ['child turning 26 in March: billed for March', child('2026-01-01', null, '2000-03-20'), '2026-03-01', true],
    ['child turning 26 in March: aged out in April', child('2026-01-01', null, '2000-03-20'), '2026-04-01', false],
    ['child turning 26 in December: aged out in January', child('2025-01-01', null, '1999-12-31'), '2026-01-01', false],
    ['disabled child past 26: still billed', child('2026-01-01', null, '1990-01-01', true), '2026-04-01', true],
    ['spouse past 26: no age limit', { ...spouse('2026-01-01'), dateOfBirth: '1950-01-01' }, '2026-04-01', true],
  ])('%s', (_, coverage, monthStart, billed) => {
    expect(isBilledInMonth(coverage, monthStart, policy)).toBe(billed);
  });
});

describe('familyMonthCharge: the tier of who is billed that month, at the subscriber’s plan rate', () => {
  const charge = (tier: MonthCharge['tier'], amountCents: number, planCode = 'PPO-500'): MonthCharge => ({ subscriberId: 'S', planCode, tier, amountCents });
  it.each<[string, BillableCoverage[], string, MonthCharge | null]>([
    ['employee only', [sub('2026-01-01')], '2026-03-01', charge('EMP', 52_000)],
    ['employee + spouse', [sub('2026-01-01'), spouse('2026-01-01')], '2026-03-01', charge('ESP', 104_000)],
    ['employee + child', [sub('2026-01-01'), child('2026-01-01')], '2026-03-01', charge('ECH', 93_600)],
    ['family', [sub('2026-01-01'), spouse('2026-01-01'), child('2026-01-01')], '2026-03-01', charge('FAM', 150_800)],
    ['the HMO rate', [sub('2026-01-01', null, 'HMO-250'), { ...spouse('2026-01-01'), planCode: 'HMO-250' }], '2026-03-01', charge('ESP', 82_000, 'HMO-250')],
    ['tier change mid-month (spouse added the 10th): old tier that month', [sub('2026-01-01'), spouse('2026-03-10')], '2026-03-01', charge('EMP', 52_000)],
    ['tier change mid-month: new tier the month after', [sub('2026-01-01'), spouse('2026-03-10')], '2026-04-01', charge('ESP', 104_000)],
    ['spouse terminated at month end: lower tier the month after', [sub('2026-01-01'), spouse('2026-01-01', '2026-03-31')], '2026-04-01', charge('EMP', 52_000)],
    ['child ages out in March: family becomes employee + spouse in April', [sub('2026-01-01'), spouse('2026-01-01'), child('2026-01-01', null, '2000-03-20')], '2026-04-01', charge('ESP', 104_000)],
    ['retier split into two periods of one member counts the member once', [sub('2026-01-01', '2026-02-28'), sub('2026-03-01'), child('2026-01-01')], '2026-03-01', charge('ECH', 93_600)],
    ['subscriber gone, dependents left (COBRA-style): billed on their plan', [sub('2026-01-01', '2026-02-28'), child('2026-01-01')], '2026-03-01', charge('ECH', 93_600)],
    ['nobody covered on the 1st', [sub('2026-03-02')], '2026-03-01', null],
    ['terminated before the month', [sub('2026-01-01', '2026-02-28'), spouse('2026-01-01', '2026-02-28')], '2026-03-01', null],
  ])('%s', (_, coverage, monthStart, expected) => {
    expect(familyMonthCharge('S', coverage, monthStart, plans, policy)).toEqual(expected);
  });

  it('refuses a day that is not a month’s first', () => {
    expect(() => familyMonthCharge('S', [sub('2026-01-01')], '2026-03-15', plans, policy)).toThrow(RangeError);
  });
  it('refuses a plan the group does not offer', () => {
    expect(() => familyMonthCharge('S', [sub('2026-01-01', null, 'EPO-1')], '2026-03-01', plans, policy)).toThrow(/EPO-1/);
  });
});

describe('monthAdjustment: a billed month whose coverage changed', () => {
  const due = (amountCents: number): MonthCharge => ({ subscriberId: 'S', planCode: 'PPO-500', tier: 'EMP', amountCents });
  const cause = (acceptedOn: string) => ({ confirmationNumber: 'TX-20260310-0000001', acceptedOn });
  it.each<[string, Parameters<typeof monthAdjustment>[0], ReturnType<typeof monthAdjustment>]>([
    ['unchanged', { monthStart: '2026-02-01', billedCents: 52_000, due: due(52_000), cause: cause('2026-03-10'), policy }, null],
    ['retro enrollment: charged back in full', { monthStart: '2026-02-01', billedCents: 0, due: due(52_000), cause: cause('2026-03-10'), policy }, { kind: 'charge', amountCents: 52_000 }],
    ['retro tier increase: the difference', { monthStart: '2026-02-01', billedCents: 52_000, due: due(104_000), cause: cause('2026-03-10'), policy }, { kind: 'charge', amountCents: 52_000 }],
    ['retro enrollment with no transaction on file: still charged', { monthStart: '2026-02-01', billedCents: 0, due: due(52_000), cause: null, policy }, { kind: 'charge', amountCents: 52_000 }],
    ['retro termination inside the window: credited', { monthStart: '2026-02-01', billedCents: 52_000, due: null, cause: cause('2026-03-10'), policy }, { kind: 'credit', amountCents: -52_000 }],
    ['retro termination at the window’s first month: credited', { monthStart: '2026-01-01', billedCents: 52_000, due: null, cause: cause('2026-03-31'), policy }, { kind: 'credit', amountCents: -52_000 }],
    ['retro termination before the window: not credited', { monthStart: '2025-12-01', billedCents: 52_000, due: null, cause: cause('2026-03-10'), policy }, null],
    ['window across the year end (accepted Jan 5, 2 months)', { monthStart: '2025-11-01', billedCents: 52_000, due: null, cause: cause('2026-01-05'), policy }, { kind: 'credit', amountCents: -52_000 }],
    ['window across the year end: October is outside', { monthStart: '2025-10-01', billedCents: 52_000, due: null, cause: cause('2026-01-05'), policy }, null],
    ['group with no retro months: only the current month', { monthStart: '2026-02-01', billedCents: 52_000, due: null, cause: cause('2026-03-10'), policy: { retroMonths: 0 } }, null],
    ['retro tier decrease inside the window: the difference credited', { monthStart: '2026-03-01', billedCents: 104_000, due: due(52_000), cause: cause('2026-03-10'), policy }, { kind: 'credit', amountCents: -52_000 }],
    ['credit with no transaction on file: not given', { monthStart: '2026-02-01', billedCents: 52_000, due: null, cause: null, policy }, null],
  ])('%s', (_, input, expected) => {
    expect(monthAdjustment(input)).toEqual(expected);
  });
});

describe('totalDue', () => {
  it.each([
    [{ previousBalanceCents: 0, paymentsCents: 0, premiumsCents: 52_000, adjustmentsCents: 0 }, 52_000],
    [{ previousBalanceCents: 52_000, paymentsCents: 52_000, premiumsCents: 52_000, adjustmentsCents: 0 }, 52_000],
    [{ previousBalanceCents: 52_000, paymentsCents: 0, premiumsCents: 104_000, adjustmentsCents: 52_000 }, 208_000],
    [{ previousBalanceCents: 52_000, paymentsCents: 52_000, premiumsCents: 0, adjustmentsCents: -52_000 }, -52_000],
  ])('%o → %i', (totals, expected) => {
    expect(totalDue(totals)).toBe(expected);
  });
});
