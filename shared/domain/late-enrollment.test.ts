import { describe, expect, it } from 'vitest';
import { defaultGroupPolicy } from './default-policy';
import { checkEnrollmentTiming, currentOrNextOpenEnrollment, initialEnrollmentCloses, type EnrollmentTiming } from './late-enrollment';

const policy = defaultGroupPolicy;
const today = '2026-12-07';

describe('initialEnrollmentCloses', () => {
  it.each([
    ['the default 30 days after a 30-day waiting period', '2025-01-06', policy, '2025-03-07'],
    ['across the year end', '2026-11-15', policy, '2027-01-14'],
    ['no waiting period', '2026-12-01', { waitingPeriodDays: 0, initialEnrollmentDays: 30 }, '2026-12-31'],
    ['a longer window after a 60-day waiting period', '2026-01-31', { waitingPeriodDays: 60, initialEnrollmentDays: 45 }, '2026-05-16'],
  ])('%s', (_name, hireDate, p, closes) => {
    expect(initialEnrollmentCloses(hireDate, p)).toBe(closes);
  });
});

describe('currentOrNextOpenEnrollment', () => {
  const fiscal = { planYearStart: '07-01', openEnrollmentStart: '05-15', openEnrollmentEnd: '06-10' };
  const acrossYearEnd = { planYearStart: '02-01', openEnrollmentStart: '12-15', openEnrollmentEnd: '01-15' };
  it.each([
    ['after this year\'s ended: next year\'s', today, policy, ['2027-11-01', '2027-11-30', '2028-01-01']],
    ['before it opens', '2026-10-31', policy, ['2026-11-01', '2026-11-30', '2027-01-01']],
    ['on its first day', '2026-11-01', policy, ['2026-11-01', '2026-11-30', '2027-01-01']],
    ['on its last day', '2026-11-30', policy, ['2026-11-01', '2026-11-30', '2027-01-01']],
    ['on the plan-year start', '2027-01-01', policy, ['2027-11-01', '2027-11-30', '2028-01-01']],
    ['a July plan year', '2026-12-07', fiscal, ['2027-05-15', '2027-06-10', '2027-07-01']],
    ['a period running over the year end, in it', '2027-01-03', acrossYearEnd, ['2026-12-15', '2027-01-15', '2027-02-01']],
  ] as const)('%s', (_name, day, p, [start, end, planYearStart]) => {
    expect(currentOrNextOpenEnrollment(day, p)).toEqual({ start, end, planYearStart });
  });
});

const jordan = (over: Partial<EnrollmentTiming> = {}): EnrollmentTiming => ({ hireDate: '2025-01-06', effectiveDate: '2027-01-01', ...over });
const nextOpen = 'open enrollment (next: 2027-11-01 to 2027-11-30, for coverage from 2028-01-01)';
const windowClosed = `Hired on 2025-01-06: the first enrollment window closed on 2025-03-07. Enroll for a qualifying event, or during ${nextOpen}.`;

/** Each request (today 2026-12-07 unless named, default policy) and the rules it breaks. */
const cases: [string, EnrollmentTiming, string, [(string | number)[], string][]][] = [
  ['a new hire inside the first window', { hireDate: '2026-11-02', effectiveDate: '2027-01-01' }, today, []],
  ['a new hire on the window\'s last day', { hireDate: '2026-10-08', effectiveDate: '2026-12-01' }, today, []],
  ['a hire one day past the window', { hireDate: '2026-10-07', effectiveDate: '2026-12-01' }, today, [[['enrollmentReason'], `Hired on 2026-10-07: the first enrollment window closed on 2026-12-06. Enroll for a qualifying event, or during ${nextOpen}.`]]],
  ['a hire of January 2025 with no reason (the reported case)', jordan(), today, [[['enrollmentReason'], windowClosed]]],
  ['the same, naming the first window', jordan({ enrollmentReason: 'initial' }), today, [[['enrollmentReason'], windowClosed]]],
  ['no hire date yet', { hireDate: '', effectiveDate: '' }, today, []],
  ['open enrollment, from the plan-year start', jordan({ enrollmentReason: 'open_enrollment' }), '2026-11-15', []],
  ['open enrollment on its last day, over the year end', jordan({ enrollmentReason: 'open_enrollment' }), '2026-11-30', []],
  ['open enrollment for another date', jordan({ enrollmentReason: 'open_enrollment', effectiveDate: '2026-12-01' }), '2026-11-15', [[['effectiveDate'], 'An open enrollment covers from the plan-year start: choose 2027-01-01.']]],
  ['open enrollment after it closed', jordan({ enrollmentReason: 'open_enrollment' }), today, [[['enrollmentReason'], 'Open enrollment is not open today: the next runs 2027-11-01 to 2027-11-30, for coverage from 2028-01-01. Enroll then, or for a qualifying event.']]],
  ['a special enrollment without its event', jordan({ enrollmentReason: 'special' }), today, [[['event', 'kind'], 'Choose the qualifying event that lets this employee enroll now.']]],
  ['an event not yet chosen', jordan({ enrollmentReason: 'special', event: { kind: '', date: '' } }), today, [[['event', 'kind'], 'Choose the qualifying event that lets this employee enroll now.']]],
  ['an event date not yet a date', jordan({ enrollmentReason: 'special', event: { kind: 'marriage', date: '2026-11' } }), today, []],
  ['loss of other coverage 30 days ago: first of next month', jordan({ enrollmentReason: 'special', event: { kind: 'loss_of_other_coverage', date: '2026-11-07' } }), today, []],
  ['loss of other coverage 31 days ago', jordan({ enrollmentReason: 'special', event: { kind: 'loss_of_other_coverage', date: '2026-11-06' } }), today, [[['event', 'date'], `Loss of other coverage on 2026-11-06 was more than 30 days ago: enrolling for it had to be requested within 30 days. Enroll during ${nextOpen}.`]]],
  ['marriage with a date other than the one it gives', jordan({ enrollmentReason: 'special', event: { kind: 'marriage', date: '2026-11-20' }, effectiveDate: '2026-12-01' }), today, [[['effectiveDate'], 'Coverage for a marriage on 2026-11-20 starts on 2027-01-01: choose that date.']]],
  ['marriage requested on December 31: coverage January 1', jordan({ enrollmentReason: 'special', event: { kind: 'marriage', date: '2026-12-20' } }), '2026-12-31', []],
  ['a birth: from the day of birth', jordan({ enrollmentReason: 'special', event: { kind: 'birth', date: '2026-11-20' }, effectiveDate: '2026-11-20' }), today, []],
  ['adoption: from the adoption', jordan({ enrollmentReason: 'special', event: { kind: 'adoption', date: '2026-12-01' }, effectiveDate: '2026-12-01' }), today, []],
  ['a birth in the future', jordan({ enrollmentReason: 'special', event: { kind: 'birth', date: '2026-12-08' }, effectiveDate: '2026-12-08' }), today, [[['event', 'date'], 'The birth date 2026-12-08 is after today (2026-12-07): enroll on or after the event.']]],
  ['loss of Medicaid 60 days ago', jordan({ enrollmentReason: 'special', event: { kind: 'loss_of_medicaid_chip', date: '2026-10-08' } }), today, []],
  ['loss of Medicaid 61 days ago', jordan({ enrollmentReason: 'special', event: { kind: 'loss_of_medicaid_chip', date: '2026-10-07' } }), today, [[['event', 'date'], `Loss of Medicaid or CHIP on 2026-10-07 was more than 60 days ago: enrolling for it had to be requested within 60 days. Enroll during ${nextOpen}.`]]],
];

describe('checkEnrollmentTiming', () => {
  it.each(cases)('%s', (_name, facts, day, expected) => {
    expect(checkEnrollmentTiming(facts, policy, day)).toEqual(expected.map(([path, message]) => ({ path, message })));
  });

  it('uses the group\'s own special-enrollment window', () => {
    const facts = jordan({ enrollmentReason: 'special', event: { kind: 'marriage', date: '2026-11-06' } });
    expect(checkEnrollmentTiming(facts, { ...policy, specialEnrollmentDays: 31 }, today)).toEqual([]);
  });
});
