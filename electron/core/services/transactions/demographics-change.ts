import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { memberStatusOn } from '@shared/domain/member-status';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { updateDemographicsRequest } from '@shared/plan-api/eligibility';
import { maxDate } from '@shared/util/dates';
import { statement } from '../../store/statements';
import { memberSsnContext } from '../../store/members/member-ssn-context';
import { enforce, fullName, refuse, type ChangeEnv, type PlannedChange } from './change-plan';
import { assertNoPendingChange, requireReplicaMember } from './local-replica';
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
 * (834 INS04 25), and a terminated member is read-only (docs/architecture.md#domain-rules).
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

  const { ssn, address, ...plain } = changes;
  const values: MemberValues = { ...plain };
  if (address !== undefined) values.address = JSON.stringify(address);
  const named = (Object.keys(changes) as (keyof Changes)[]).map((f) => fieldLabels[f]).join(', ');
  return {
    kind: 'update_demographics',
    body: { ...request, expectedVersion: member.version },
    summary: `${request.correction ? 'Correct' : 'Update'} ${member.memberId} ${fullName(member)}: ${named}`,
    memberId: member.memberId,
    memberIds: [member.memberId],
    apply(writer) {
      writer.updateMember(member.memberId, ssn === undefined ? values : { ...values, ssnEncrypted: env.cipher.encrypt(ssn, memberSsnContext(member.memberId)), ssnLast4: ssn.slice(-4) });
    },
  };
}

function assertSsnFree(env: ChangeEnv, ssn: string, self: string): void {
  const candidates = statement(
    env.db,
    `SELECT member_id, ssn_encrypted FROM members WHERE group_number = ? AND ssn_last4 = ? AND relationship = 'subscriber' AND member_id <> ?`,
  ).all(env.rules.groupNumber, ssn.slice(-4), self) as { member_id: string; ssn_encrypted: Buffer }[];
  const taken = candidates.find((c) => env.cipher.decrypt(c.ssn_encrypted, memberSsnContext(c.member_id)) === ssn);
  if (taken !== undefined) {
    const message = `This SSN already belongs to employee ${taken.member_id} in this group: check the number.`;
    throw new ContractFailure('RULE', message, { 'changes.ssn': message });
  }
}
