import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { reinstateRequest, TransactionAccepted } from '@shared/plan-api/eligibility';
import { addDays, compareDates } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { checkVersion, enforce, loadGroupRules, type Actor, type EligibilityEnv } from './context';
import { familyPeriods, latestPeriod, lockFamily, relationshipsOf } from './family';
import { retierFamily } from './retier';
import { EligibilityWork } from './work';

export type ReinstateInput = z.output<typeof reinstateRequest>;

/** 834 INS03 025 with INS04 41 "Re-enrollment". */
export const reinstatementReason = 'Reinstatement (re-enrollment)';

/**
 * Restores coverage from the day after it ended, with no gap (834 INS03 025). Reinstating a
 * subscriber also restores the dependents whose coverage ended with theirs; a dependent can only be
 * reinstated while the subscriber is covered. The restored day must lie in the retro window.
 */
export async function reinstateMember(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: ReinstateInput): Promise<TransactionAccepted> {
  const rules = await loadGroupRules(tx, groupNumber);
  const work = new EligibilityWork(tx, env, rules, actor);
  const { family, member } = await lockFamily(tx, groupNumber, input.memberId);
  work.knowHistories(family.members.map((m) => m.memberId), family.periods);
  checkVersion(member.memberId, member.version, input.expectedVersion);
  const last = latestPeriod(family, member.memberId);
  if (!last || last.endDate === null) {
    throw new ContractFailure('RULE', `Member ${member.memberId} is not terminated: there is nothing to reinstate.`, { memberId: 'Not terminated' });
  }
  const endedOn = last.endDate;
  const from = addDays(endedOn, 1);
  enforce(validateRetroDate(from, rules.policy, work.today, 'memberId', 'Reinstated coverage'));

  const isSubscriber = member.relationship === 'subscriber';
  if (!isSubscriber) {
    const subscriberPeriod = latestPeriod(family, family.subscriber.memberId);
    if (!subscriberPeriod || (subscriberPeriod.endDate !== null && compareDates(subscriberPeriod.endDate, from) < 0)) {
      throw new ContractFailure('RULE', `Employee ${family.subscriber.memberId} is not covered on ${from}: reinstate the employee first.`, { memberId: 'Employee not covered' });
    }
  }
  const restored = family.members.filter((m) => {
    if (m.memberId === member.memberId) return true;
    const p = latestPeriod(family, m.memberId);
    return isSubscriber && p !== undefined && p.endDate === endedOn;
  });
  for (const m of restored) {
    enforce(validateDependentAge({ relationship: m.relationship as Relationship, dateOfBirth: m.dateOfBirth, disabled: m.disabled, firstName: m.firstName, lastName: m.lastName }, from, rules.policy));
  }
  const coveredFrom = family.members.filter((m) => {
    if (restored.includes(m)) return true;
    const p = latestPeriod(family, m.memberId);
    return p !== undefined && (p.endDate === null || compareDates(p.endDate, from) >= 0);
  });
  enforce(validateFamilyComposition(coveredFrom.map((m) => m.relationship as Relationship)));

  const inserted = await work.insertPeriods(
    restored.map((m) => {
      const p = latestPeriod(family, m.memberId) ?? last;
      return { memberId: m.memberId, planCode: p.planCode, tier: p.tier as CoverageTier, startDate: from, endDate: null, reason: reinstatementReason };
    }),
  );
  const periods = [...familyPeriods(family), ...inserted.map((p) => ({ ...p, tier: p.tier as CoverageTier }))];
  await work.applyRetier(retierFamily(periods, relationshipsOf(family), from));
  return work.commit(
    'reinstate',
    input,
    restored.map((m) => m.memberId),
  );
}
