import type { MemberDetail, RosterRow } from '@shared/contract/schemas/member';
import type { CoverageTier } from '@shared/contract/schemas/group';

/** A deterministic sandbox-like data set for component tests: families with subscribers and dependents. */
export const plans = [
  { code: 'HMO-GOLD', name: 'Gold HMO 20' },
  { code: 'PPO-SILVER', name: 'Silver PPO 1500' },
  { code: 'HDHP-3000', name: 'Bronze HDHP 3000' },
] as const;

const firstNames = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Keiko', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya'];
const lastNames = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Johnson', 'Kim', 'Lopez', 'Moreau', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi'];
const tiers: CoverageTier[] = ['EMP', 'ESP', 'ECH', 'FAM'];

export interface FixtureMember {
  row: RosterRow;
  detail: MemberDetail;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function makeMembers(groupSeed: number, subscriberCount: number): FixtureMember[] {
  const rows: RosterRow[] = [];
  for (let i = 0; i < subscriberCount; i++) {
    const subscriberId = `${groupSeed}${pad(i + 1, 9 - String(groupSeed).length)}`;
    const tier = tiers[i % 4] ?? 'EMP';
    const plan = plans[i % 3] ?? plans[0];
    const status = i % 17 === 5 ? 'terminated' : i % 13 === 3 ? 'pending' : 'active';
    const lastName = lastNames[i % lastNames.length] ?? 'Adams';
    const base = {
      subscriberId,
      lastName,
      planCode: plan.code,
      planName: plan.name,
      tier,
      status,
      effectiveDate: status === 'pending' ? '2026-12-01' : '2024-01-01',
      terminationDate: status === 'terminated' ? '2026-06-30' : null,
      pendingSync: false,
    } as const;
    rows.push({ ...base, memberId: subscriberId, relationship: 'subscriber', firstName: firstNames[i % firstNames.length] ?? 'Ana', dateOfBirth: `19${60 + (i % 35)}-0${1 + (i % 9)}-1${i % 9}`, ssnLast4: pad((i * 37) % 10000, 4) });
    const dependents = tier === 'ESP' ? ['spouse'] : tier === 'ECH' ? ['child'] : tier === 'FAM' ? ['spouse', 'child', 'child'] : [];
    dependents.forEach((relationship, d) => {
      rows.push({
        ...base,
        memberId: `${subscriberId}-${pad(d + 1, 2)}`,
        relationship: relationship as 'spouse' | 'child',
        firstName: firstNames[(i + d + 5) % firstNames.length] ?? 'Ben',
        dateOfBirth: relationship === 'child' ? `20${pad(10 + d + (i % 9), 2)}-05-0${1 + d}` : `19${65 + (i % 30)}-11-2${d}`,
        ssnLast4: relationship === 'child' && d === 2 ? null : pad((i * 37 + d + 1) % 10000, 4),
      });
    });
  }
  return rows.map((row) => ({ row, detail: toDetail(row, rows) }));
}

function toDetail(row: RosterRow, all: RosterRow[]): MemberDetail {
  const isSubscriber = row.relationship === 'subscriber';
  return {
    ...row,
    middleName: null,
    suffix: null,
    gender: row.memberId.endsWith('1') ? 'F' : 'M',
    ssn: row.ssnLast4 ? `***-**-${row.ssnLast4}` : null,
    address: { line1: '1200 Harbor Way', city: 'Oakland', state: 'CA', zip: '94607' },
    phone: isSubscriber ? '(510) 555-0142' : null,
    email: isSubscriber ? `${row.firstName.toLowerCase()}.${row.lastName.toLowerCase()}@example.com` : null,
    hireDate: isSubscriber ? '2019-03-18' : null,
    employmentStatus: isSubscriber ? 'FT' : null,
    employeeClass: isSubscriber ? 'Salaried' : null,
    coverageHistory: [
      { planCode: 'PPO-SILVER', planName: 'Silver PPO 1500', tier: 'EMP', startDate: '2022-01-01', endDate: '2023-12-31', reason: 'Initial enrollment', endReason: 'Tier change' },
      { planCode: row.planCode, planName: row.planName, tier: row.tier, startDate: row.effectiveDate, endDate: row.terminationDate, reason: 'Open enrollment change', endReason: row.terminationDate === null ? null : 'Retirement' },
    ],
    sameAddressAsSubscriber: !isSubscriber && !row.memberId.endsWith('-03'),
    dependents: isSubscriber ? all.filter((r) => r.subscriberId === row.memberId && r.memberId !== row.memberId) : [],
    dependentHomes: isSubscriber
      ? all
          .filter((r) => r.subscriberId === row.memberId && r.memberId !== row.memberId)
          // A third dependent was given the same address by hand: it lives there but does not follow the employee.
          .map((r) => ({ memberId: r.memberId, address: { line1: '1200 Harbor Way', city: 'Oakland', state: 'CA', zip: '94607' }, sameAddressAsSubscriber: !r.memberId.endsWith('-03') }))
      : [],
    subscriber: isSubscriber ? null : (all.find((r) => r.memberId === row.subscriberId) ?? null),
    version: 3,
  };
}
