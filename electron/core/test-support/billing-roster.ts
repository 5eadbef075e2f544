import type { CoverageRecord, MemberRecord } from '@shared/sandbox/types';
import { member } from './member-fixtures';
import type { LineInput } from './invoice-rows';

/**
 * A roster and December 2026's invoice for it (fixture group 4321: PPO-A EMP $500, ESP $1,000,
 * FAM $1,500; HMO-Z EMP $400), one family per case the reconciliation must tell apart.
 */
export const december = '2026-12-01';
export const invoiceNumber = 'INV-4321-202612-ABC123';

const period = (planCode: string, tier: CoverageRecord['tier'], startDate: string, endDate: string | null = null): CoverageRecord => ({
  planCode,
  tier,
  startDate,
  endDate,
  reason: 'Initial enrollment',
});

export function billingRoster(): MemberRecord[] {
  return [
    // Terminated in November, still billed for December.
    member({ memberId: '432100001', firstName: 'Tess', lastName: 'Gone', coverage: [period('PPO-A', 'EMP', '2024-01-01', '2026-11-30')] }),
    // Enrolled from December 1st, missing from the invoice.
    member({ memberId: '432100002', firstName: 'Nora', lastName: 'Newhire', coverage: [period('PPO-A', 'EMP', '2026-12-01')] }),
    // A spouse added in November: ESP for December, billed EMP.
    member({ memberId: '432100003', firstName: 'Tia', lastName: 'Tier', coverage: [period('PPO-A', 'EMP', '2024-01-01')] }),
    member({ memberId: '432100003-01', firstName: 'Tom', lastName: 'Tier', relationship: 'spouse', coverage: [period('PPO-A', 'ESP', '2026-11-01')] }),
    // Moved to HMO-Z on December 1st, billed PPO-A.
    member({
      memberId: '432100004',
      firstName: 'Pat',
      lastName: 'Plan',
      coverage: [period('PPO-A', 'EMP', '2024-01-01', '2026-11-30'), period('HMO-Z', 'EMP', '2026-12-01')],
    }),
    // Billed the wrong amount for the right plan and tier.
    member({ memberId: '432100005', firstName: 'Ann', lastName: 'Amount', coverage: [period('PPO-A', 'EMP', '2024-01-01')] }),
    // A child added December 10th: EMP for December, ECH from January.
    member({ memberId: '432100006', firstName: 'Mia', lastName: 'Mid', coverage: [period('PPO-A', 'EMP', '2024-01-01')] }),
    member({ memberId: '432100006-01', firstName: 'Max', lastName: 'Mid', dateOfBirth: '2026-12-10', coverage: [period('PPO-A', 'ECH', '2026-12-10')] }),
    // Terminated at December's end: December is still owed.
    member({ memberId: '432100007', firstName: 'Ed', lastName: 'End', coverage: [period('PPO-A', 'EMP', '2024-01-01', '2026-12-31')] }),
    // A whole family billed right.
    member({ memberId: '432100008', firstName: 'Zed', lastName: 'Fam', coverage: [period('PPO-A', 'FAM', '2024-01-01')] }),
    member({ memberId: '432100008-01', firstName: 'Zoe', lastName: 'Fam', relationship: 'spouse', coverage: [period('PPO-A', 'FAM', '2024-01-01')] }),
    member({ memberId: '432100008-02', firstName: 'Zak', lastName: 'Fam', dateOfBirth: '2016-03-03', coverage: [period('PPO-A', 'FAM', '2024-01-01')] }),
  ];
}

export function decemberLines(): LineInput[] {
  const emp = (memberId: string, memberName: string, amountCents = 50_000, planCode = 'PPO-A'): LineInput => ({ memberId, memberName, planCode, tier: 'EMP', amountCents });
  return [
    emp('432100001', 'Tess Gone'),
    emp('432100003', 'Tia Tier'),
    emp('432100004', 'Pat Plan'),
    emp('432100005', 'Ann Amount', 55_000),
    emp('432100006', 'Mia Mid'),
    emp('432100007', 'Ed End'),
    { memberId: '432100008', memberName: 'Zed Fam', planCode: 'PPO-A', tier: 'FAM', amountCents: 150_000 },
  ];
}
