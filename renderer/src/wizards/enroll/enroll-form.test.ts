import { describe, expect, it } from 'vitest';
import type { Group } from '@shared/contract/schemas/group';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { emptyDependent, emptyEnroll, enrollSteps, type DependentValues, type EnrollValues } from './enroll-form';

const rates = { EMP: 50_000, ESP: 100_000, ECH: 90_000, FAM: 140_000 };
const group: Group = {
  groupNumber: '100234',
  name: 'Harbor Logistics Inc.',
  address: { line1: '1 Pier Road', city: 'Oakland', state: 'CA', zip: '94607' },
  region: 'Northern California',
  policy: defaultGroupPolicy,
  plans: [
    { code: 'PPO-SILVER', name: 'Silver PPO 1500', kind: 'PPO', rates },
    { code: 'HMO-GOLD', name: 'Gold HMO', kind: 'HMO', rates },
  ],
};
const steps = enrollSteps(group, '2026-11-27');
const named = (relationship: DependentValues['relationship'], dateOfBirth: string): DependentValues => ({
  ...emptyDependent('child'),
  relationship,
  firstName: 'Sam',
  lastName: 'Alvarez',
  dateOfBirth,
  gender: 'U',
});
const values = (over: Partial<EnrollValues>): EnrollValues => ({
  ...emptyEnroll,
  subscriber: { ...emptyEnroll.subscriber, hireDate: '2026-10-01' },
  planCode: 'PPO-SILVER',
  effectiveDate: '2026-12-01',
  ...over,
});

/** What a step says, by field path, as the error summary lists it. */
function messages(stepId: string, v: EnrollValues): Record<string, string> {
  const schema = steps.find((s) => s.id === stepId)?.schema;
  const result = schema?.safeParse(v);
  if (result === undefined || result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

/** The plan's enrollment rules reach the form in the plan's words, at the field to change (today 2026-11-27). */
const cases: [string, string, EnrollValues, Record<string, string | RegExp>][] = [
  ['a plan chosen and a date after the waiting period', 'coverage', values({}), {}],
  ['no plan chosen', 'coverage', values({ planCode: '' }), { planCode: 'Choose a plan' }],
  ['a draft whose plan the group no longer offers', 'coverage', values({ planCode: 'EPO-OLD' }), { planCode: 'Plan EPO-OLD is not offered to group 100234: choose one of PPO-SILVER, HMO-GOLD.' }],
  ['a date before the retro window', 'coverage', values({ effectiveDate: '2026-08-01' }), { effectiveDate: /^Effective date must be on or after 2026-09-01: retroactive changes/ }],
  ['a second partner', 'dependents', values({ dependents: [named('spouse', '1990-01-01'), named('domestic_partner', '1990-01-01')] }), { 'dependents.1.relationship': /only one spouse or domestic partner/ }],
  ['a child past the age limit', 'dependents', values({ dependents: [named('child', '1999-01-01')] }), { 'dependents.0.dateOfBirth': / is 26 on 2025-01-01: children are covered to the end of the month they turn 26/ }],
  ['a relationship not chosen yet', 'dependents', values({ dependents: [named('', '1999-01-01')] }), { 'dependents.0.relationship': 'Choose the relationship' }],
];

describe('the enrollment steps check the plan’s rules', () => {
  it.each(cases)('%s', (_name, stepId, v, expected) => {
    const said = messages(stepId, v);
    expect(Object.keys(said).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, message] of Object.entries(expected)) expect(said[path]).toMatch(message);
  });
});
