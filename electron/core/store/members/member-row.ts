import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { coverageSpan } from '@shared/domain/member-status';
import type { MemberRecord } from '@shared/sandbox/types';
import { nameSortKey } from '@shared/util/name-sort-key';

/**
 * A member row as the core writes it, in the words of the domain. Every path that inserts members
 * (a pull, a transaction's answer, a provisional enrollment, test and benchmark fixtures) builds one
 * of these and hands it to member-bulk-writer.ts; nothing else inserts into `members`.
 */
export interface MemberRow {
  memberId: string;
  groupNumber: string;
  subscriberId: string;
  relationship: Relationship;
  firstName: string;
  middleName: string | null;
  lastName: string;
  suffix: string | null;
  dateOfBirth: string;
  gender: 'F' | 'M' | 'U';
  /** Whole or masked (`***-**-6789`, as the plan sends it): stored encrypted, plus its last 4 digits. */
  ssn: string | null;
  address: MemberRecord['address'];
  phone: string | null;
  email: string | null;
  hireDate: string | null;
  employmentStatus: 'FT' | 'PT' | null;
  employeeClass: string | null;
  disabled: boolean;
  /** A dependent entered "Same as the employee": moves with the employee until given an address of their own. */
  sameAddressAsSubscriber: boolean;
  /** The coverage span the roster filters and sorts by, copied from the member's periods. */
  planCode: string;
  tier: CoverageTier;
  effectiveDate: string;
  terminationDate: string | null;
  /** The plan's version; 0 for a provisional member the plan has not numbered yet. */
  version: number;
  /** A local change the plan has not answered yet. */
  pendingSync: boolean;
  updatedAt: string;
}

/** A coverage period as the core writes it. */
export interface CoverageRow {
  planCode: string;
  tier: CoverageTier;
  startDate: string;
  endDate: string | null;
  reason: string;
  /** The plan's period id; null for a period added by a pending local change. */
  remoteId: number | null;
  endReason: string | null;
}

/** A member to insert, with its coverage history. */
export interface NewMember {
  row: MemberRow;
  coverage: readonly CoverageRow[];
}

/**
 * The `members` columns by field name: the one place the core's names meet the table's. The stored
 * form differs from MemberRow only where SQLite needs it: the SSN as its encrypted BLOB and last 4
 * digits, the address as JSON text, flags as 0 and 1.
 */
export const memberColumns = {
  memberId: 'member_id',
  groupNumber: 'group_number',
  subscriberId: 'subscriber_id',
  relationship: 'relationship',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  suffix: 'suffix',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  ssnEncrypted: 'ssn_encrypted',
  ssnLast4: 'ssn_last4',
  address: 'address',
  phone: 'phone',
  email: 'email',
  hireDate: 'hire_date',
  employmentStatus: 'employment_status',
  employeeClass: 'employee_class',
  disabled: 'disabled',
  sameAddressAsSubscriber: 'same_address_as_subscriber',
  planCode: 'plan_code',
  tier: 'tier',
  effectiveDate: 'effective_date',
  terminationDate: 'termination_date',
  version: 'version',
  pendingSync: 'pending_sync',
  updatedAt: 'updated_at',
  // Written from the names (shared/util/name-sort-key.ts), never on their own: what the roster sorts by.
  lastNameKey: 'last_name_key',
  firstNameKey: 'first_name_key',
} as const;

export type MemberField = keyof typeof memberColumns;

/** Column names in `memberColumns` order, the order `appendMemberValues` pushes values in. */
export const memberColumnNames: readonly string[] = Object.values(memberColumns);

/**
 * Appends the row's stored values in `memberColumns` order (appended rather than returned so a bulk
 * write fills its batch without an array per row).
 */
export function appendMemberValues(target: unknown[], m: MemberRow, encryptSsn: (ssn: string, memberId: string) => Buffer): void {
  target.push(
    m.memberId,
    m.groupNumber,
    m.subscriberId,
    m.relationship,
    m.firstName,
    m.middleName,
    m.lastName,
    m.suffix,
    m.dateOfBirth,
    m.gender,
    m.ssn === null ? null : encryptSsn(m.ssn, m.memberId),
    m.ssn === null ? null : m.ssn.slice(-4),
    JSON.stringify(m.address),
    m.phone,
    m.email,
    m.hireDate,
    m.employmentStatus,
    m.employeeClass,
    m.disabled ? 1 : 0,
    m.sameAddressAsSubscriber ? 1 : 0,
    m.planCode,
    m.tier,
    m.effectiveDate,
    m.terminationDate,
    m.version,
    m.pendingSync ? 1 : 0,
    m.updatedAt,
    nameSortKey(m.lastName),
    nameSortKey(m.firstName),
  );
}

/** The `coverage_periods` columns a write fills, in the order `appendCoverageValues` pushes them. */
export const coverageColumnNames: readonly string[] = ['member_ref', 'group_number', 'plan_code', 'tier', 'start_date', 'end_date', 'reason', 'remote_id', 'end_reason'];

export function appendCoverageValues(target: unknown[], memberRef: number, groupNumber: string, c: CoverageRow): void {
  target.push(memberRef, groupNumber, c.planCode, c.tier, c.startDate, c.endDate, c.reason, c.remoteId, c.endReason);
}

/**
 * A member of the sandbox's data set (tests, benchmarks) or of a wizard's provisional enrollment:
 * the current plan and tier are the last period's, the dates the span of all of them.
 */
export function memberFromRecord(
  record: MemberRecord,
  groupNumber: string,
  updatedAt: string,
  local: Partial<Pick<MemberRow, 'version' | 'pendingSync' | 'disabled' | 'employeeClass' | 'sameAddressAsSubscriber'>> = {},
): NewMember {
  const current = record.coverage[record.coverage.length - 1];
  if (current === undefined) throw new RangeError('A member has at least one coverage period');
  const span = coverageSpan(record.coverage);
  const { coverage, ...person } = record;
  return {
    row: {
      ...person,
      groupNumber,
      employeeClass: local.employeeClass ?? null,
      disabled: local.disabled ?? false,
      sameAddressAsSubscriber: local.sameAddressAsSubscriber ?? false,
      planCode: current.planCode,
      tier: current.tier,
      effectiveDate: span.effectiveDate,
      terminationDate: span.terminationDate,
      version: local.version ?? 1,
      pendingSync: local.pendingSync ?? false,
      updatedAt,
    },
    coverage: coverage.map((c) => ({ planCode: c.planCode, tier: c.tier, startDate: c.startDate, endDate: c.endDate, reason: c.reason, remoteId: null, endReason: null })),
  };
}
