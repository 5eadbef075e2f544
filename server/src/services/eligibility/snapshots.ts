import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import type { CoverageSnapshot, MemberSnapshot } from '@shared/plan-api/members';
import { maskSsn } from '@shared/util/mask';
import type { coveragePeriods, members } from '../../store/schema/eligibility';

export type MemberRow = typeof members.$inferSelect;
export type CoverageRow = typeof coveragePeriods.$inferSelect;

/** The member as it leaves the service: SSN masked from its stored last four, never decrypted. */
export function memberSnapshot(row: MemberRow): MemberSnapshot {
  return {
    memberId: row.memberId,
    groupNumber: row.groupNumber,
    subscriberId: row.subscriberId,
    relationship: row.relationship as Relationship,
    firstName: row.firstName,
    middleName: row.middleName,
    lastName: row.lastName,
    suffix: row.suffix,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender as MemberSnapshot['gender'],
    ssn: row.ssnLast4 === null ? null : maskSsn(row.ssnLast4),
    address: row.address,
    phone: row.phone,
    email: row.email,
    hireDate: row.hireDate,
    employmentStatus: row.employmentStatus as MemberSnapshot['employmentStatus'],
    employeeClass: row.employeeClass,
    disabled: row.disabled,
    sameAddressAsSubscriber: row.sameAddressAsSubscriber,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function coverageSnapshot(row: CoverageRow): CoverageSnapshot {
  return {
    id: row.id,
    memberId: row.memberId,
    planCode: row.planCode,
    tier: row.tier as CoverageTier,
    startDate: row.startDate,
    endDate: row.endDate,
    reason: row.reason,
    endReason: row.endReason,
  };
}
