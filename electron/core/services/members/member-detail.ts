import type { Database } from 'better-sqlite3';
import type { Address, CoverageTier } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { isVisible, memberStatusOn, visibleSince } from '@shared/domain/member-status';
import { endReasonInWords } from '@shared/domain/termination-reasons';
import { maskSsn } from '@shared/util/mask';
import { statement } from '../../store/statements';
import { rosterColumns, toRosterRow, type RosterRowRecord } from './roster-row';

interface DetailRecord extends RosterRowRecord {
  id: number;
  middle_name: string | null;
  suffix: string | null;
  gender: MemberDetail['gender'];
  address: string;
  phone: string | null;
  email: string | null;
  hire_date: string | null;
  employment_status: MemberDetail['employmentStatus'];
  employee_class: string | null;
  same_address_as_subscriber: number;
  version: number;
}

interface HomeRecord {
  member_id: string;
  address: string;
  same_address_as_subscriber: number;
}

interface CoverageRecord {
  plan_code: string;
  plan_name: string | null;
  tier: CoverageTier;
  start_date: string;
  end_date: string | null;
  reason: string;
  end_reason: string | null;
}

/**
 * One member with history and family, or null when there is none in the group or it is past the
 * two years a terminated member stays visible. The SSN is shown masked from its stored last 4: the
 * encrypted whole number is not decrypted to be displayed.
 */
export function findMemberDetail(db: Database, groupNumber: string, memberId: string, today: string): MemberDetail | null {
  const record = statement(
    db,
    `SELECT ${rosterColumns}, m.id, m.middle_name, m.suffix, m.gender, m.address, m.phone, m.email, m.hire_date, m.employment_status, m.employee_class, m.same_address_as_subscriber, m.version
     FROM members m WHERE m.member_id = ? AND m.group_number = ?`,
  ).get(memberId, groupNumber) as DetailRecord | undefined;
  if (record === undefined || !isVisible(record.termination_date, today)) return null;

  const history = statement(
    db,
    `SELECT c.plan_code, (SELECT p.name FROM plans p WHERE p.group_number = c.group_number AND p.plan_code = c.plan_code) AS plan_name,
       c.tier, c.start_date, c.end_date, c.reason, c.end_reason
     FROM coverage_periods c WHERE c.member_ref = ? ORDER BY c.start_date, c.id`,
  ).all(record.id) as CoverageRecord[];

  const isSubscriber = record.relationship === 'subscriber';
  const family = statement(
    db,
    `SELECT ${rosterColumns} FROM members m WHERE m.subscriber_id = @subscriber AND m.member_id <> @self
       AND (m.termination_date IS NULL OR m.termination_date >= @visibleSince) ORDER BY m.member_id`,
  ).all({ subscriber: record.subscriber_id, self: record.member_id, visibleSince: visibleSince(today) }) as RosterRowRecord[];
  const subscriber = isSubscriber ? undefined : family.find((row) => row.member_id === record.subscriber_id);
  const homes = isSubscriber
    ? (statement(db, `SELECT member_id, address, same_address_as_subscriber FROM members WHERE member_id IN (SELECT value FROM json_each(?)) ORDER BY member_id`).all(
        JSON.stringify(family.map((row) => row.member_id)),
      ) as HomeRecord[])
    : [];

  return {
    memberId: record.member_id,
    subscriberId: record.subscriber_id,
    relationship: record.relationship,
    firstName: record.first_name,
    middleName: record.middle_name,
    lastName: record.last_name,
    suffix: record.suffix,
    dateOfBirth: record.date_of_birth,
    gender: record.gender,
    ssn: record.ssn_last4 === null ? null : maskSsn(record.ssn_last4),
    address: JSON.parse(record.address) as Address,
    phone: record.phone,
    email: record.email,
    hireDate: record.hire_date,
    employmentStatus: record.employment_status,
    employeeClass: record.employee_class,
    status: memberStatusOn(record.effective_date, record.termination_date, today),
    planCode: record.plan_code,
    planName: record.plan_name ?? record.plan_code,
    tier: record.tier,
    effectiveDate: record.effective_date,
    terminationDate: record.termination_date,
    coverageHistory: history.map((c) => ({
      planCode: c.plan_code,
      planName: c.plan_name ?? c.plan_code,
      tier: c.tier,
      startDate: c.start_date,
      endDate: c.end_date,
      reason: c.reason,
      endReason: c.end_date === null || !c.end_reason ? null : endReasonInWords(c.end_reason),
    })),
    sameAddressAsSubscriber: record.same_address_as_subscriber === 1,
    dependents: isSubscriber ? family.map((row) => toRosterRow(row, today)) : [],
    dependentHomes: homes.map((h) => ({ memberId: h.member_id, address: JSON.parse(h.address) as Address, sameAddressAsSubscriber: h.same_address_as_subscriber === 1 })),
    subscriber: subscriber === undefined ? null : toRosterRow(subscriber, today),
    version: record.version,
    pendingSync: record.pending_sync === 1,
  };
}
