import type { z } from 'zod';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { reinstateRequest } from '@shared/plan-api/eligibility';
import { addDays } from '@shared/util/dates';
import { enforce, fullName, refuse, retierCovered, type ChangeEnv, type PlannedChange } from './change-plan';
import { assertNoPendingChange, replicaFamily, requireReplicaMember } from './local-replica';

type ReinstateInput = Omit<z.output<typeof reinstateRequest>, 'expectedVersion'>;

/** 834 INS03 025 with INS04 41, as the plan words the restored period. */
export const reinstatementReason = 'Reinstatement (re-enrollment)';

/**
 * Restores coverage from the day after it ended, with no gap. A subscriber brings back the
 * dependents whose coverage ended with theirs; a dependent needs a covered subscriber.
 */
export function planReinstate(env: ChangeEnv, request: ReinstateInput): PlannedChange {
  const { db, rules, today } = env;
  const member = requireReplicaMember(db, rules.groupNumber, request.memberId, 'memberId');
  const endedOn = member.terminationDate;
  if (endedOn === null) refuse('memberId', `Member ${member.memberId} is not terminated: there is nothing to reinstate.`);
  const from = addDays(endedOn, 1);
  enforce(validateRetroDate(from, rules.policy, today, 'memberId', 'Reinstated coverage'));
  const family = replicaFamily(db, member.subscriberId);
  const isSubscriber = member.relationship === 'subscriber';
  if (!isSubscriber) {
    const subscriber = family.find((m) => m.relationship === 'subscriber');
    if (subscriber !== undefined && subscriber.terminationDate !== null && subscriber.terminationDate < from) {
      refuse('memberId', `Employee ${subscriber.memberId} is not covered on ${from}: reinstate the employee first.`);
    }
  }
  const restored = family.filter((m) => m.memberId === member.memberId || (isSubscriber && m.terminationDate === endedOn));
  for (const m of restored) enforce(validateDependentAge(m, from, rules.policy), { dateOfBirth: 'memberId' });
  const coveredFrom = family.filter((m) => restored.includes(m) || m.terminationDate === null || m.terminationDate >= from);
  enforce(validateFamilyComposition(coveredFrom.map((m) => m.relationship)), { relationship: 'memberId' });
  for (const m of coveredFrom) assertNoPendingChange(db, m, 'memberId');

  const n = restored.length - 1;
  return {
    kind: 'reinstate',
    body: { ...request, expectedVersion: member.version },
    summary: `Reinstate ${member.memberId} ${fullName(member)}${n === 0 ? '' : ` and ${n} dependent${n === 1 ? '' : 's'}`} (covered again from ${from})`,
    memberId: member.memberId,
    memberIds: coveredFrom.map((m) => m.memberId),
    apply(writer) {
      for (const m of restored) {
        writer.addCoverage(m.ref, { planCode: m.planCode, tier: m.tier, startDate: from, endDate: null, reason: reinstatementReason });
        writer.updateMember(m.memberId, { terminationDate: null });
      }
      retierCovered(writer, coveredFrom);
    },
  };
}
