import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Group } from '@shared/contract/schemas/group';
import type { CoverageRecord, MemberRecord } from '@shared/sandbox/types';
import { defaultGroupPolicy } from '@shared/domain/default-policy';
import { createFieldCipher } from '../store/field-cipher';
import { openMemoryStore } from '../store/open-store';
import { saveGroup } from '../store/repositories/groups-repository';
import { insertMember } from '../store/members/members-repository';
import { markReplicated } from '../store/repositories/sync-cursors';
import type { Store } from '../store/store';

/** Hand-made members for store and service tests: small enough to reason about row by row. */
export const fixtureToday = '2026-11-27';

export const fixtureGroup: Group = {
  groupNumber: '4321',
  name: 'Fixture Fabrication LLC',
  address: { line1: '1 Main St', city: 'Dayton', state: 'OH', zip: '45402' },
  region: 'Southwest Ohio',
  policy: { ...defaultGroupPolicy },
  plans: [
    {
      code: 'PPO-A',
      name: 'Alpha PPO',
      kind: 'PPO',
      rates: { EMP: 50_000, ESP: 100_000, ECH: 90_000, FAM: 150_000 },
      costSharing: {
        inNetwork: { deductible: { individual: 75_000, family: 150_000 }, outOfPocketMax: { individual: 425_050, family: 850_100 } },
        outOfNetwork: { deductible: { individual: 150_000, family: 300_000 }, outOfPocketMax: { individual: 850_000, family: 1_700_000 } },
      },
    },
    // Set up before the plan recorded cost sharing: it has none.
    { code: 'HMO-Z', name: 'Zeta HMO', kind: 'HMO', rates: { EMP: 40_000, ESP: 80_000, ECH: 70_000, FAM: 120_000 } },
  ],
  memberServicesPhone: '1-937-555-0143',
};

type MemberInput = Partial<Omit<MemberRecord, 'coverage'>> & Pick<MemberRecord, 'memberId' | 'firstName' | 'lastName'> & { coverage?: CoverageRecord[] };

export function member(input: MemberInput): MemberRecord {
  const subscriberId = input.subscriberId ?? input.memberId.slice(0, 9);
  return {
    subscriberId,
    relationship: input.memberId === subscriberId ? 'subscriber' : 'child',
    middleName: null,
    suffix: null,
    dateOfBirth: '1980-05-05',
    gender: 'U',
    ssn: null,
    address: { line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' },
    phone: null,
    email: null,
    hireDate: null,
    employmentStatus: null,
    coverage: [{ planCode: 'PPO-A', tier: 'EMP', startDate: '2024-01-01', endDate: null, reason: 'Initial enrollment' }],
    ...input,
  };
}

/**
 * Three families and two loners, covering every status and the two-year visibility rule as of
 * fixtureToday (2026-11-27):
 * - Zimmer (S) with spouse Aaron and child Yves: active, PPO-A, FAM.
 * - Abbott (S) with child Zoe-ended 2026-06-30 (terminated, visible): HMO-Z, ECH.
 * - Muñoz (S): pending from 2026-12-01, HMO-Z.
 * - Old Gone (S): ended 2023-01-31, hidden (more than two years ago).
 * - Miller (S): terminated 2026-10-31, plan change history PPO-A → HMO-Z.
 */
export function fixtureMembers(): MemberRecord[] {
  const fam = (planCode: string, tier: CoverageRecord['tier'], startDate: string, endDate: string | null = null): CoverageRecord[] => [
    { planCode, tier, startDate, endDate, reason: 'Initial enrollment' },
  ];
  return [
    member({ memberId: '432000001', firstName: 'Walter', lastName: 'Zimmer', ssn: '412556789', gender: 'M', hireDate: '2019-03-04', employmentStatus: 'FT', coverage: fam('PPO-A', 'FAM', '2020-01-01') }),
    member({ memberId: '432000001-01', firstName: 'Aaron', lastName: 'Zimmer', relationship: 'spouse', ssn: '487650001', coverage: fam('PPO-A', 'FAM', '2020-01-01') }),
    member({ memberId: '432000001-02', firstName: 'Yves', lastName: 'Zimmer', relationship: 'child', dateOfBirth: '2015-02-02', coverage: fam('PPO-A', 'FAM', '2020-01-01') }),
    member({ memberId: '432000002', firstName: 'Beth', lastName: 'Abbott', ssn: '111226789', coverage: fam('HMO-Z', 'ECH', '2022-07-01') }),
    member({ memberId: '432000002-01', firstName: 'Zoe', lastName: 'Abbott', relationship: 'child', coverage: fam('HMO-Z', 'ECH', '2022-07-01', '2026-06-30') }),
    member({ memberId: '432000003', firstName: 'José', lastName: 'Muñoz', ssn: '222336789', coverage: fam('HMO-Z', 'EMP', '2026-12-01') }),
    member({ memberId: '432000004', firstName: 'Old', lastName: 'Gone', coverage: fam('PPO-A', 'EMP', '2015-01-01', '2023-01-31') }),
    member({
      memberId: '432000005',
      firstName: 'Mark',
      lastName: 'Miller',
      coverage: [
        { planCode: 'PPO-A', tier: 'EMP', startDate: '2021-01-01', endDate: '2023-12-31', reason: 'Initial enrollment' },
        { planCode: 'HMO-Z', tier: 'EMP', startDate: '2024-01-01', endDate: '2026-10-31', reason: 'Termination of employment' },
      ],
    }),
  ];
}

export const fixtureKey = (): Buffer => randomBytes(32);

/** An in-memory store holding the fixture group and members, inserted row by row (triggers on). */
export function fixtureStore(members: MemberRecord[] = fixtureMembers()): Store {
  const db: Database.Database = openMemoryStore();
  const store: Store = { db, cipher: createFieldCipher(fixtureKey()), path: ':memory:' };
  db.transaction(() => {
    saveGroup(db, fixtureGroup, '2015-01-01', '2026-11-27T08:00:00.000Z');
    for (const m of members) insertMember(db, store.cipher, fixtureGroup.groupNumber, m, '2026-11-27T08:00:00.000Z');
    markReplicated(db, fixtureGroup.groupNumber, '2026-11-27T08:00:00.000Z');
  })();
  return store;
}
