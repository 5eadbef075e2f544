import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import type { Relationship } from '@shared/contract/schemas/member';
import { memberStatusOn } from '@shared/domain/member-status';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { TransactionAccepted, updateDemographicsRequest } from '@shared/plan-api/eligibility';
import { planHouseholdMove, type HouseholdMove } from '@shared/domain/household-move';
import { maxDate } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { checkVersion, enforce, loadGroupRules, type Actor, type EligibilityEnv } from './context';
import { latestPeriod, lockFamily, type Family } from './family';
import { assertSubscriberSsnUnused } from './ssn-duplicates';
import type { MemberRow } from './snapshots';
import { EligibilityWork, type NewMember } from './work';

export type UpdateDemographicsInput = z.output<typeof updateDemographicsRequest>;

/**
 * Changes a member's demographics. A date of birth or SSN is never "changed", only corrected
 * (834 INS04 25, change in identifying data elements), so those need `correction: true`. An
 * employee's new address takes along the dependents who live with them (`moveDependents`).
 */
export async function updateDemographics(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: UpdateDemographicsInput): Promise<TransactionAccepted> {
  const rules = await loadGroupRules(tx, groupNumber);
  const work = new EligibilityWork(tx, env, rules, actor);
  const { family, member } = await lockFamily(tx, groupNumber, input.memberId);
  work.knowHistories(family.members.map((m) => m.memberId), family.periods);
  checkVersion(member.memberId, member.version, input.expectedVersion);
  const current = latestPeriod(family, member.memberId);
  if (current && memberStatusOn(current.startDate, current.endDate, work.today) === 'terminated') {
    // Plan policy (docs/architecture.md#domain-rules): terminated members stay visible read-only.
    throw new ContractFailure('RULE', `Member ${member.memberId}'s coverage ended on ${current.endDate ?? ''}: a terminated member is read-only. Reinstate the member first.`, {
      memberId: 'Terminated',
    });
  }
  const { changes } = input;
  enforce(validateRetroDate(input.effectiveDate, rules.policy, work.today));
  for (const field of ['dateOfBirth', 'ssn'] as const) {
    if (changes[field] !== undefined && !input.correction) {
      throw new ContractFailure('RULE', `A ${field === 'ssn' ? 'SSN' : 'date of birth'} can only be corrected: set correction to confirm the record was wrong.`, {
        correction: 'Required for this field',
      });
    }
  }
  const isSubscriber = member.relationship === 'subscriber';
  if (changes.employmentStatus !== undefined && !isSubscriber) {
    throw new ContractFailure('RULE', 'Employment status belongs to the employee: change it on the employee’s own record.', { 'changes.employmentStatus': 'Employee only' });
  }
  if (changes.employeeClass !== undefined && !isSubscriber) {
    throw new ContractFailure('RULE', 'The employee class belongs to the employee: change it on the employee’s own record.', { 'changes.employeeClass': 'Employee only' });
  }
  if (changes.dateOfBirth !== undefined) {
    // A corrected birth date must still make a child eligible on the coverage in force.
    const on = current ? maxDate(current.startDate, work.today) : work.today;
    if (current?.endDate === null) {
      enforce(validateDependentAge({ relationship: member.relationship as Relationship, dateOfBirth: changes.dateOfBirth, disabled: member.disabled, firstName: member.firstName, lastName: member.lastName }, on, rules.policy), 'changes.');
    }
  }
  if (changes.ssn !== undefined && isSubscriber) await assertSubscriberSsnUnused(tx, env.cipher, groupNumber, changes.ssn, member.memberId);

  const household = householdMove(family, member, input, work.today);

  const { ssn, ...plain } = changes;
  const set: Partial<NewMember> = { ...plain };
  if (ssn !== undefined) {
    set.ssnEncrypted = env.cipher.encrypt(ssn, member.memberId);
    set.ssnLast4 = ssn.slice(-4);
    set.ssnFingerprint = env.cipher.fingerprint(ssn);
  }
  // A dependent given an address of their own no longer follows the employee's.
  if (changes.address !== undefined && !isSubscriber) set.sameAddressAsSubscriber = false;
  await work.updateMember(member.memberId, set);
  for (const id of household.move) await work.updateMember(id, { address: changes.address, sameAddressAsSubscriber: true });
  for (const id of household.unlink) await work.updateMember(id, { sameAddressAsSubscriber: false });
  return work.commit('update_demographics', input, [member.memberId, ...household.move, ...household.unlink]);
}

/**
 * The dependents an employee's new address moves (and the linked ones who stay behind), in this
 * same transaction: the family is already locked, so the move is all or nothing.
 */
function householdMove(family: Family, member: MemberRow, input: UpdateDemographicsInput, today: string): HouseholdMove {
  if (input.changes.address === undefined || member.relationship !== 'subscriber') {
    if (input.moveDependents !== undefined) {
      throw new ContractFailure('RULE', 'Dependents move only with a new address of their employee.', { moveDependents: 'Only with the employee’s new address' });
    }
    return { move: [], unlink: [] };
  }
  const dependents = family.members
    .filter((m) => m.memberId !== member.memberId)
    .map((m) => {
      const period = latestPeriod(family, m.memberId);
      return {
        memberId: m.memberId,
        address: m.address,
        sameAddressAsSubscriber: m.sameAddressAsSubscriber,
        terminated: period === undefined || memberStatusOn(period.startDate, period.endDate, today) === 'terminated',
      };
    });
  return enforce(planHouseholdMove(member.address, dependents, input.moveDependents));
}
