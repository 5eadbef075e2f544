import { describe, expect, it } from 'vitest';
import { defaultGroupPolicy } from './default-policy';
import { checkEnrollment, type EnrollmentFacts } from './enrollment-checks';

const today = '2026-11-27';
const group = { groupNumber: '4321', planCodes: ['PPO-A', 'HMO-Z'], policy: defaultGroupPolicy };
const spouse = { relationship: 'spouse', dateOfBirth: '1990-01-01' } as const;
const partner = { relationship: 'domestic_partner', dateOfBirth: '1991-05-05' } as const;
const child = { relationship: 'child', dateOfBirth: '2020-01-01' } as const;
const grownChild = { relationship: 'child', dateOfBirth: '1999-01-01' } as const;
const unchosen = { relationship: '', dateOfBirth: '' } as const;

const enrollment = (over: Partial<EnrollmentFacts> = {}, hireDate = '2026-10-01'): EnrollmentFacts => ({
  planCode: 'PPO-A',
  effectiveDate: '2026-12-01',
  subscriber: { hireDate },
  dependents: [],
  ...over,
});

const planNotOffered = 'Plan EPO-X is not offered to group 4321: choose one of PPO-A, HMO-Z.';
const beforeRetro = 'Effective date must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it.';
const beforeWaitingPeriod = "Effective date must be on or after 2027-01-01: the group's waiting period is 30 days after the hire date 2026-11-20.";
const secondPartner = (first: string) =>
  `This family already has a ${first}: only one spouse or domestic partner can be covered. Terminate the current one first if the family has changed.`;
const lateHire = (hired: string, closed: string) =>
  `Hired on ${hired}: the first enrollment window closed on ${closed}. Enroll for a qualifying event, or during open enrollment (open now until 2026-11-30, for coverage from 2027-01-01).`;
const agedOut = (coverage: string) =>
  `This child is 26 on 2025-01-01: children are covered to the end of the month they turn 26, so through 2025-01-31, and coverage on ${coverage} is past that. Mark the dependent as disabled with proof of incapacity, or choose a date on or before 2025-01-31.`;

/** Each request, and every rule it breaks at its field path, in the order the checks run (today 2026-11-27). */
const cases: [string, EnrollmentFacts, [(string | number)[], string][]][] = [
  ['a subscriber alone, after the waiting period', enrollment(), []],
  ['a whole family', enrollment({ dependents: [spouse, child, { ...child, relationship: 'stepchild' }] }), []],
  ['a plan the group does not offer', enrollment({ planCode: 'EPO-X' }), [[['planCode'], planNotOffered]]],
  ['no plan chosen yet', enrollment({ planCode: '' }), []],
  ['an effective date before the retro window', enrollment({ effectiveDate: '2026-08-01' }, '2026-01-05'), [
    [['effectiveDate'], beforeRetro],
    [['enrollmentReason'], lateHire('2026-01-05', '2026-03-06')],
  ]],
  ['before the retro window and the waiting period: the retro window speaks', enrollment({ effectiveDate: '2026-08-01' }, '2026-07-25'), [
    [['effectiveDate'], beforeRetro],
    [['enrollmentReason'], lateHire('2026-07-25', '2026-09-23')],
  ]],
  ['a late hire in open enrollment, from the plan-year start', enrollment({ effectiveDate: '2027-01-01', enrollmentReason: 'open_enrollment' }, '2025-01-06'), []],
  ['a late hire with a marriage, from the date it gives', enrollment({ enrollmentReason: 'special', event: { kind: 'marriage', date: '2026-11-14' } }, '2025-01-06'), []],
  ['a late hire with an event but a date before the waiting period: the waiting period speaks', enrollment({ enrollmentReason: 'special', event: { kind: 'birth', date: '2026-11-25' }, effectiveDate: '2026-12-01' }, '2026-11-20'), [
    [['effectiveDate'], beforeWaitingPeriod],
  ]],
  ['coverage before the waiting period ends', enrollment({}, '2026-11-20'), [[['effectiveDate'], beforeWaitingPeriod]]],
  ['coverage on the first day the waiting period allows', enrollment({ effectiveDate: '2027-01-01' }, '2026-11-20'), []],
  ['no hire date yet', enrollment({}, ''), []],
  ['an effective date not yet a date', enrollment({ effectiveDate: '2026-12', dependents: [grownChild] }, '2026-11-20'), []],
  ['a spouse and a domestic partner', enrollment({ dependents: [spouse, child, partner] }), [[['dependents', 2, 'relationship'], secondPartner('spouse')]]],
  ['two partners after one not yet chosen', enrollment({ dependents: [unchosen, partner, spouse] }), [[['dependents', 2, 'relationship'], secondPartner('domestic partner')]]],
  ['a child past 26', enrollment({ dependents: [grownChild] }), [[['dependents', 0, 'dateOfBirth'], agedOut('2026-12-01')]]],
  ['a disabled child past 26', enrollment({ dependents: [{ ...grownChild, disabled: true }] }), []],
  ['a spouse of any age', enrollment({ dependents: [{ ...spouse, dateOfBirth: '1950-03-03' }] }), []],
  ['a child whose birth date is not yet a date', enrollment({ dependents: [{ ...child, dateOfBirth: '1999-01' }] }), []],
  ['two children past 26: both named', enrollment({ dependents: [grownChild, child, grownChild] }), [
    [['dependents', 0, 'dateOfBirth'], agedOut('2026-12-01')],
    [['dependents', 2, 'dateOfBirth'], agedOut('2026-12-01')],
  ]],
  ['every rule broken at once', enrollment({ planCode: 'EPO-X', dependents: [grownChild, spouse, spouse] }, '2026-11-20'), [
    [['planCode'], planNotOffered],
    [['effectiveDate'], beforeWaitingPeriod],
    [['dependents', 2, 'relationship'], secondPartner('spouse')],
    [['dependents', 0, 'dateOfBirth'], agedOut('2026-12-01')],
  ]],
];

describe('checkEnrollment', () => {
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(checkEnrollment(facts, group, today)).toEqual(expected.map(([path, message]) => ({ path, message })));
  });
});
