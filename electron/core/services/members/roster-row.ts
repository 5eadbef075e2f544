import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship, RosterRow } from '@shared/contract/schemas/member';
import { memberStatusOn } from '@shared/domain/member-status';

/** The columns of a roster row over alias `m`, plan name looked up only for the rows returned. */
export const rosterColumns = `m.member_id, m.subscriber_id, m.relationship, m.first_name, m.last_name, m.date_of_birth, m.plan_code,
  (SELECT p.name FROM plans p WHERE p.group_number = m.group_number AND p.plan_code = m.plan_code) AS plan_name,
  m.tier, m.effective_date, m.termination_date, m.ssn_last4, m.pending_sync`;

export interface RosterRowRecord {
  member_id: string;
  subscriber_id: string;
  relationship: Relationship;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  plan_code: string;
  plan_name: string | null;
  tier: CoverageTier;
  effective_date: string;
  termination_date: string | null;
  ssn_last4: string | null;
  pending_sync: number;
}

export function toRosterRow(row: RosterRowRecord, today: string): RosterRow {
  return {
    memberId: row.member_id,
    subscriberId: row.subscriber_id,
    relationship: row.relationship,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    planCode: row.plan_code,
    planName: row.plan_name ?? row.plan_code,
    tier: row.tier,
    status: memberStatusOn(row.effective_date, row.termination_date, today),
    effectiveDate: row.effective_date,
    terminationDate: row.termination_date,
    ssnLast4: row.ssn_last4,
    pendingSync: row.pending_sync === 1,
  };
}
