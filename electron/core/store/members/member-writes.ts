import type { Database } from 'better-sqlite3';
import { coverageSpan } from '@shared/domain/member-status';
import type { MemberRecord } from '@shared/sandbox/types';
import type { FieldCipher } from '../field-cipher';
import { statement } from '../statements';

export const memberColumns = `member_id, group_number, subscriber_id, relationship, first_name, middle_name, last_name, suffix, date_of_birth, gender,
  ssn_encrypted, ssn_last4, address, phone, email, hire_date, employment_status,
  plan_code, tier, effective_date, termination_date, updated_at`;
export const memberColumnCount = 22;
export const coverageColumns = 'member_ref, group_number, plan_code, tier, start_date, end_date, reason';
export const coverageColumnCount = 7;

/** `(?, ?, …)` for `count` values. */
export const placeholders = (count: number): string => `(${Array.from({ length: count }, () => '?').join(', ')})`;

const insertMemberSql = `INSERT INTO members (${memberColumns}) VALUES ${placeholders(memberColumnCount)}`;
const insertCoverageSql = `INSERT INTO coverage_periods (${coverageColumns}) VALUES ${placeholders(coverageColumnCount)}`;

/**
 * Appends a member's values in `memberColumns` order to `target`, as the plan holds it (appended
 * rather than returned so a bulk load fills its batch without an array per row). The current plan,
 * tier and span are copied onto the member row for the roster. The SSN is stored encrypted plus its
 * last 4 digits (the only part that is searchable or shown).
 */
export function appendMemberRow(target: unknown[], cipher: FieldCipher, groupNumber: string, member: MemberRecord, now: string): void {
  const current = member.coverage[member.coverage.length - 1];
  if (current === undefined) throw new RangeError('A member has at least one coverage period');
  const span = coverageSpan(member.coverage);
  target.push(
    member.memberId,
    groupNumber,
    member.subscriberId,
    member.relationship,
    member.firstName,
    member.middleName,
    member.lastName,
    member.suffix,
    member.dateOfBirth,
    member.gender,
    member.ssn === null ? null : cipher.encrypt(member.ssn),
    member.ssn === null ? null : member.ssn.slice(-4),
    JSON.stringify(member.address),
    member.phone,
    member.email,
    member.hireDate,
    member.employmentStatus,
    current.planCode,
    current.tier,
    span.effectiveDate,
    span.terminationDate,
    now,
  );
}

/** Inserts one member with its coverage history. Runs inside the caller's transaction. */
export function insertMember(db: Database, cipher: FieldCipher, groupNumber: string, member: MemberRecord, now: string): number {
  const values: unknown[] = [];
  appendMemberRow(values, cipher, groupNumber, member, now);
  const info = statement(db, insertMemberSql).run(values);
  const memberRef = Number(info.lastInsertRowid);
  const insertCoverage = statement(db, insertCoverageSql);
  for (const period of member.coverage) {
    insertCoverage.run(memberRef, groupNumber, period.planCode, period.tier, period.startDate, period.endDate, period.reason);
  }
  return memberRef;
}
