import type { z } from 'zod';
import { validateTermination } from '@shared/domain/termination';
import { terminationReason } from '@shared/domain/termination-reasons';
import type { terminateRequest } from '@shared/plan-api/eligibility';
import { enforce, fullName, refuse, retierCovered, type ChangeEnv, type PlannedChange } from './change-plan';
import { assertNoPendingChange, replicaFamily, requireReplicaMember, type ReplicaMember } from './local-replica';

type TerminateInput = Omit<z.output<typeof terminateRequest>, 'expectedVersion'>;

export interface PlannedTermination extends PlannedChange {
  /** The last covered day the plan's termination rule gives. */
  coverageEnds: string;
  /** Dependents whose coverage ends with a subscriber's. */
  endingWith: ReplicaMember[];
}

/**
 * Ends a member's coverage on the day the group's termination rule gives. A subscriber's dependents
 * end with them; a dependent's termination re-derives the tier of the family left.
 */
export function planTerminate(env: ChangeEnv, request: TerminateInput): PlannedTermination {
  const { db, rules, today } = env;
  const member = requireReplicaMember(db, rules.groupNumber, request.memberId, 'memberId');
  const reason = terminationReason(request.reason);
  const isSubscriber = member.relationship === 'subscriber';
  if (reason.appliesTo !== 'any' && reason.appliesTo !== (isSubscriber ? 'subscriber' : 'dependent')) {
    refuse('reason', `"${reason.label}" applies to ${reason.appliesTo === 'subscriber' ? 'employees' : 'dependents'} only: choose a reason for ${isSubscriber ? 'an employee' : 'a dependent'}.`);
  }
  if (member.terminationDate !== null) {
    refuse('memberId', `Member ${member.memberId} is already terminated (coverage ends ${member.terminationDate}): reinstate the member first to change that date.`);
  }
  const endDate = enforce(validateTermination({ requestedDate: request.requestedDate, coverageStartDate: member.effectiveDate }, rules.policy, today), {
    terminationDate: 'requestedDate',
  });
  const family = replicaFamily(db, member.subscriberId);
  const runningPast = (m: ReplicaMember) => m.terminationDate === null || m.terminationDate > endDate;
  // A dependent whose coverage would start after the end never takes effect; the plan's answer says so.
  const endingWith = isSubscriber ? family.filter((m) => m.memberId !== member.memberId && runningPast(m) && m.effectiveDate <= endDate) : [];
  const left = isSubscriber ? [] : family.filter((m) => m.memberId !== member.memberId && runningPast(m));
  for (const m of [member, ...endingWith, ...left]) assertNoPendingChange(db, m, 'memberId');

  const n = endingWith.length;
  return {
    kind: 'terminate',
    body: { ...request, expectedVersion: member.version },
    summary: `Terminate ${member.memberId} ${fullName(member)}${n === 0 ? '' : ` and ${n} dependent${n === 1 ? '' : 's'}`} (coverage ends ${endDate})`,
    memberId: member.memberId,
    memberIds: [member.memberId, ...endingWith.map((m) => m.memberId), ...left.map((m) => m.memberId)],
    coverageEnds: endDate,
    endingWith,
    apply(writer) {
      for (const m of [member, ...endingWith]) writer.endCoverage(m.memberId, m.ref, endDate);
      retierCovered(writer, left);
    },
  };
}
