import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { Address, CoverageTier, GroupPolicy } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { findGroup } from '../../store/repositories/groups-repository';
import { openChangeOf } from '../../outbox/outbox-repository';
import { statement } from '../../store/statements';

/** A member as the rules read it from the local replica: the version the administrator saw. */
export interface ReplicaMember {
  ref: number;
  memberId: string;
  subscriberId: string;
  relationship: Relationship;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  disabled: boolean;
  address: Address;
  /** A dependent linked to the employee's address ("Same as the employee"). */
  sameAddressAsSubscriber: boolean;
  planCode: string;
  tier: CoverageTier;
  effectiveDate: string;
  terminationDate: string | null;
  version: number;
  pendingSync: boolean;
}

interface MemberRecord {
  id: number;
  member_id: string;
  subscriber_id: string;
  relationship: Relationship;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  disabled: number;
  address: string;
  same_address_as_subscriber: number;
  plan_code: string;
  tier: CoverageTier;
  effective_date: string;
  termination_date: string | null;
  version: number;
  pending_sync: number;
}

const columns = `id, member_id, subscriber_id, relationship, first_name, last_name, date_of_birth, disabled, address, same_address_as_subscriber, plan_code, tier,
  effective_date, termination_date, version, pending_sync`;

const toMember = (r: MemberRecord): ReplicaMember => ({
  ref: r.id,
  memberId: r.member_id,
  subscriberId: r.subscriber_id,
  relationship: r.relationship,
  firstName: r.first_name,
  lastName: r.last_name,
  dateOfBirth: r.date_of_birth,
  disabled: r.disabled === 1,
  address: JSON.parse(r.address) as Address,
  sameAddressAsSubscriber: r.same_address_as_subscriber === 1,
  planCode: r.plan_code,
  tier: r.tier,
  effectiveDate: r.effective_date,
  terminationDate: r.termination_date,
  version: r.version,
  pendingSync: r.pending_sync === 1,
});

export function findReplicaMember(db: Database, groupNumber: string, memberId: string): ReplicaMember | null {
  const row = statement(db, `SELECT ${columns} FROM members WHERE member_id = ? AND group_number = ?`).get(memberId, groupNumber) as MemberRecord | undefined;
  return row === undefined ? null : toMember(row);
}

/** NOT_FOUND naming the request field, as the plan answers for an unknown member. */
export function requireReplicaMember(db: Database, groupNumber: string, memberId: string, field: string): ReplicaMember {
  const found = findReplicaMember(db, groupNumber, memberId);
  if (found === null) throw new ContractFailure('NOT_FOUND', `Member ${memberId} is not in group ${groupNumber}.`, { [field]: 'Not found in this group' });
  return found;
}

/** The subscriber and every dependent, subscriber first. */
export function replicaFamily(db: Database, subscriberId: string): ReplicaMember[] {
  const rows = statement(db, `SELECT ${columns} FROM members WHERE subscriber_id = ? ORDER BY relationship <> 'subscriber', member_id`).all(subscriberId) as MemberRecord[];
  return rows.map(toMember);
}

/** Covered on `day`: started on or before it and not ended before it. */
export function coveredOn(member: Pick<ReplicaMember, 'effectiveDate' | 'terminationDate'>, day: string): boolean {
  return member.effectiveDate <= day && (member.terminationDate === null || member.terminationDate >= day);
}

export interface GroupRules {
  groupNumber: string;
  policy: GroupPolicy;
  planCodes: readonly string[];
}

export function requireGroupRules(db: Database, groupNumber: string, today: string): GroupRules {
  const group = findGroup(db, groupNumber, today);
  if (group === null) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} is not on this computer.`, { groupNumber: 'Not on this computer' });
  return { groupNumber, policy: group.policy, planCodes: group.plans.map((p) => p.code) };
}

/**
 * The open transaction that already changes this member, if any. A second change on top of it is
 * refused: it would carry a version the plan raises when it accepts the first (CONFLICT), and
 * undoing one of two stacked changes could not restore the other.
 */
export function assertNoPendingChange(db: Database, member: ReplicaMember, field: string): void {
  if (!member.pendingSync) return;
  const open = openChangeOf(db, member.memberId);
  const which = open === undefined ? 'a change' : `a change (Activity #${open})`;
  throw new ContractFailure(
    'RULE',
    `${member.memberId} ${member.firstName} ${member.lastName} has ${which} the plan has not accepted yet: wait until it is accepted, or cancel it, before making another change.`,
    { [field]: 'Has a change waiting for the plan' },
  );
}
