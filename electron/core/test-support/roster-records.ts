import type { RosterFileContext, RosterRecord } from '../services/rosters/roster-record';

/** Roster records for the roster writers' tests: one family of three and a subscriber alone, and as many more families as asked. */

export const rosterContext: RosterFileContext = {
  groupNumber: '4321',
  groupName: 'Fixture Fabrication, LLC',
  asOf: '2026-12-01',
  createdAt: '2026-12-07T02:15:30.000Z',
};

const base: RosterRecord = {
  memberId: '100000001',
  subscriberId: '100000001',
  relationship: 'subscriber',
  firstName: 'Zoë',
  middleName: 'Anne',
  lastName: "O'Brien-Smith",
  suffix: 'Jr',
  dateOfBirth: '1985-03-12',
  gender: 'F',
  ssnLast4: '4320',
  address: { line1: '100 Main St', line2: 'Apt 4', city: 'Dayton', state: 'OH', zip: '45402-1234' },
  phone: '(937) 555-0100',
  email: 'zoe.obrien@example.com',
  hireDate: '2024-01-08',
  employmentStatus: 'FT',
  employeeClass: 'Salaried',
  planCode: 'PPO-A',
  planName: 'Alpha PPO',
  tier: 'FAM',
  status: 'active',
  effectiveDate: '2024-02-01',
  terminationDate: null,
  monthlyPremiumCents: 150_000,
};

export function rosterFamily(subscriberId: string): RosterRecord[] {
  const dependent = { ...base, subscriberId, ssnLast4: null, phone: null, email: null, hireDate: null, employmentStatus: null, employeeClass: null, monthlyPremiumCents: null, suffix: null };
  return [
    { ...base, memberId: subscriberId, subscriberId },
    { ...dependent, memberId: `${subscriberId}-01`, relationship: 'spouse', firstName: 'Jordan', middleName: null, gender: 'M', dateOfBirth: '1986-07-21' },
    { ...dependent, memberId: `${subscriberId}-02`, relationship: 'child', firstName: 'Riley', middleName: 'K', gender: 'U', dateOfBirth: '2015-09-05', status: 'terminated', terminationDate: '2026-11-30' },
  ];
}

export const loneSubscriber: RosterRecord = {
  ...base,
  memberId: '100000002',
  subscriberId: '100000002',
  firstName: 'Casey',
  middleName: null,
  lastName: 'Example',
  suffix: null,
  gender: 'M',
  address: { line1: '9 Elm Rd', city: 'Kettering', state: 'OH', zip: '45429' },
  phone: null,
  email: null,
  hireDate: null,
  employmentStatus: 'PT',
  planCode: 'HMO-Z',
  tier: 'EMP',
  effectiveDate: '2026-01-01',
};

/** `count` families of three, lazily: the members of a large roster without holding them. */
export function* manyFamilies(count: number): Generator<RosterRecord> {
  for (let i = 0; i < count; i++) yield* rosterFamily(String(200_000_000 + i));
}
