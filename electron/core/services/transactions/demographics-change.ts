import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { memberStatusOn } from '@shared/domain/member-status';
import { planHouseholdMove, type HouseholdMove } from '@shared/domain/household-move';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { updateDemographicsRequest } from '@shared/plan-api/eligibility';
import { maxDate } from '@shared/util/dates';
import { statement } from '../../store/statements';
import { memberSsnContext } from '../../store/members/member-ssn-context';
import { enforce, fullName, refuse, type ChangeEnv, type PlannedChange } from './change-plan';
import { assertNoPendingChange, replicaFamily, requireReplicaMember, type ReplicaMember } from './local-replica';
import type { MemberValues } from '../../outbox/pending-writer';

type DemographicsInput = Omit<z.output<typeof updateDemographicsRequest>, 'expectedVersion'>;
type Changes = DemographicsInput['changes'];

const fieldLabels: Record<keyof Changes, string> = {
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  suffix: 'suffix',
  dateOfBirth: 'date of birth',
  gender: 'gender',
  ssn: 'SSN',
  address: 'address',
  phone: 'phone',
  email: 'e-mail',
  employmentStatus: 'employment status',
  employeeClass: 'employee class',
};

/**
 * Changes a member's demographics. A date of birth or SSN is never "changed", only corrected
 * (834 INS04 25), and a terminated member is read-only (docs/architecture.md#domain-rules). An
 * employee's new address takes along the dependents who live with them, in the same pending change.
 */
export function planDemographics(env: ChangeEnv, request: DemographicsInput): PlannedChange {
  const { db, rules, today } = env;
  const member = requireReplicaMember(db, rules.groupNumber, request.memberId, 'memberId');
  if (memberStatusOn(member.effectiveDate, member.terminationDate, today) === 'terminated') {
    refuse('memberId', `Member ${member.memberId}'s coverage ended on ${member.terminationDate ?? ''}: a terminated member is read-only. Reinstate the member first.`);
  }
  assertNoPendingChange(db, member, 'memberId');
  enforce(validateRetroDate(request.effectiveDate, rules.policy, today));
  const { changes } = request;
  for (const field of ['dateOfBirth', 'ssn'] as const) {
    if (changes[field] !== undefined && !request.correction) {
      refuse('correction', `A ${field === 'ssn' ? 'SSN' : 'date of birth'} can only be corrected: mark the change as a correction of a wrong record.`);
    }
  }
  const isSubscriber = member.relationship === 'subscriber';
  if (changes.employmentStatus !== undefined && !isSubscriber) {
    refuse('changes.employmentStatus', 'Employment status belongs to the employee: change it on the employee’s own record.');
  }
  if (changes.employeeClass !== undefined && !isSubscriber) {
    refuse('changes.employeeClass', 'The employee class belongs to the employee: change it on the employee’s own record.');
  }
  if (changes.dateOfBirth !== undefined && member.terminationDate === null) {
    // A corrected birth date must still make a child eligible on the coverage in force.
    const on = maxDate(member.effectiveDate, today);
    enforce(validateDependentAge({ ...member, dateOfBirth: changes.dateOfBirth }, on, rules.policy), {
      dateOfBirth: 'changes.dateOfBirth',
    });
  }
  if (changes.ssn !== undefined && isSubscriber) assertSsnFree(env, changes.ssn, member.memberId);

  const household = householdMove(env, member, request);

  const { ssn, address, ...plain } = changes;
  const values: MemberValues = { ...plain };
  if (address !== undefined) values.address = JSON.stringify(address);
  // A dependent given an address of their own no longer follows the employee's.
  if (address !== undefined && !isSubscriber) values.sameAddressAsSubscriber = 0;
  const named = (Object.keys(changes) as (keyof Changes)[]).map((f) => fieldLabels[f]).join(', ');
  const moving = household.move.length > 0 ? ` (${household.move.length === 1 ? 'one dependent moves' : `${household.move.length} dependents move`} too)` : '';
  return {
    kind: 'update_demographics',
    body: { ...request, expectedVersion: member.version },
    summary: `${request.correction ? 'Correct' : 'Update'} ${member.memberId} ${fullName(member)}: ${named}${moving}`,
    memberId: member.memberId,
    memberIds: [member.memberId, ...household.move, ...household.unlink],
    apply(writer) {
      writer.updateMember(member.memberId, ssn === undefined ? values : { ...values, ssnEncrypted: env.cipher.encrypt(ssn, memberSsnContext(member.memberId)), ssnLast4: ssn.slice(-4) });
      // The pending writer saves each dependent's row first, so an undo puts them back where they lived.
      for (const id of household.move) writer.updateMember(id, { address: household.address, sameAddressAsSubscriber: 1 });
      for (const id of household.unlink) writer.updateMember(id, { sameAddressAsSubscriber: 0 });
    },
  };
}

/**
 * The dependents an employee's new address moves, and the linked ones who stay behind, by the plan's
 * own rule (shared/domain/household-move.ts), so the replica shows what the plan will do; with the
 * new address as SQLite stores it (empty when nobody moves).
 */
function householdMove(env: ChangeEnv, member: ReplicaMember, request: DemographicsInput): HouseholdMove & { address: string } {
  const { address } = request.changes;
  if (address === undefined || member.relationship !== 'subscriber') {
    if (request.moveDependents !== undefined) refuse('moveDependents', 'Dependents move only with a new address of their employee.');
    return { move: [], unlink: [], address: '' };
  }
  const dependents = replicaFamily(env.db, member.memberId).filter((m) => m.memberId !== member.memberId);
  const household = enforce(
    planHouseholdMove(
      member.address,
      dependents.map((d) => ({ ...d, terminated: memberStatusOn(d.effectiveDate, d.terminationDate, env.today) === 'terminated' })),
      request.moveDependents,
    ),
  );
  for (const d of dependents) if (household.move.includes(d.memberId) || household.unlink.includes(d.memberId)) assertNoPendingChange(env.db, d, 'moveDependents');
  return { ...household, address: JSON.stringify(address) };
}

function assertSsnFree(env: ChangeEnv, ssn: string, self: string): void {
  const candidates = statement(
    env.db,
    `SELECT member_id, ssn_encrypted FROM members WHERE group_number = ? AND ssn_last4 = ? AND relationship = 'subscriber' AND member_id <> ?`,
  ).all(env.rules.groupNumber, ssn.slice(-4), self) as { member_id: string; ssn_encrypted: Buffer }[];
  const taken = candidates.find((c) => env.cipher.decrypt(c.ssn_encrypted, memberSsnContext(c.member_id)) === ssn);
  if (taken !== undefined) {
    // No member named: that would confirm whose SSN a guessed number is (as in enroll-change.ts).
    const message = 'This SSN matches another member of this group: check the number.';
    throw new ContractFailure('RULE', message, { 'changes.ssn': message });
  }
}
