import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import { dependentTerminationDates, validateTermination } from '@shared/domain/termination';
import { terminationReason } from '@shared/domain/termination-reasons';
import type { terminateRequest, TransactionAccepted } from '@shared/plan-api/eligibility';
import { addDays, compareDates } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { checkVersion, enforce, loadGroupRules, type Actor, type EligibilityEnv } from './context';
import { familyPeriods, latestPeriod, lockFamily, periodsOf, relationshipsOf, type Family } from './family';
import { retierFamily, type RetierPlan } from './retier';
import { EligibilityWork } from './work';

export type TerminateInput = z.output<typeof terminateRequest>;

/**
 * Ends a member's coverage on the date the plan's termination rule gives. A subscriber's
 * termination ends every dependent's coverage the same day; a dependent's re-derives the family tier.
 */
export async function terminateMember(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: TerminateInput): Promise<TransactionAccepted> {
  const rules = await loadGroupRules(tx, groupNumber);
  const work = new EligibilityWork(tx, env, rules, actor);
  const { family, member } = await lockFamily(tx, groupNumber, input.memberId);
  work.knowHistories(family.members.map((m) => m.memberId), family.periods);
  checkVersion(member.memberId, member.version, input.expectedVersion);
  const reason = terminationReason(input.reason);
  const isSubscriber = member.relationship === 'subscriber';
  if (reason.appliesTo !== 'any' && reason.appliesTo !== (isSubscriber ? 'subscriber' : 'dependent')) {
    throw new ContractFailure('RULE', `"${reason.label}" applies to ${reason.appliesTo === 'subscriber' ? 'employees' : 'dependents'} only: choose a reason for ${isSubscriber ? 'an employee' : 'a dependent'}.`, {
      reason: 'Does not apply to this member',
    });
  }
  const current = latestPeriod(family, member.memberId);
  if (!current || current.endDate !== null) {
    const ended = current?.endDate ?? '';
    throw new ContractFailure('RULE', `Member ${member.memberId} is already terminated (coverage ends ${ended}): reinstate the member first to change that date.`, {
      memberId: 'Already terminated',
    });
  }
  const first = periodsOf(family, member.memberId)[0] ?? current;
  const endDate = enforce(validateTermination({ requestedDate: input.requestedDate, coverageStartDate: first.startDate }, rules.policy, work.today));
  const endReason = `${reason.label} (INS04 ${reason.ins04})`;

  const candidates = isSubscriber ? family.members.map((m) => m.memberId) : [member.memberId];
  const endings = endingsFor(family, candidates, endDate, endReason, isSubscriber);
  await work.endPeriods(endings);
  // The answer names the member and every dependent whose coverage this ended, not those long gone.
  const endedIds = new Set(family.periods.filter((p) => endings.some((e) => e.id === p.id)).map((p) => p.memberId));
  const ended = candidates.filter((id) => id === member.memberId || endedIds.has(id));
  if (!isSubscriber) {
    // The rest of the family keeps coverage, at the tier of who is left from the next day on.
    const after = familyPeriods(family).map((p) => {
      const ending = endings.find((e) => e.id === p.id);
      return ending ? { ...p, endDate: ending.endDate } : p;
    });
    await work.applyRetier(retierFamily(after, relationshipsOf(family), addDays(endDate, 1)));
  }
  return work.commit('terminate', input, ended);
}

/**
 * The end-dating each member needs: open periods and periods running past `endDate` end on it
 * (dependentTerminationDates keeps an earlier own termination); a period not yet started is ended
 * the day before its start, i.e. it never takes effect.
 */
function endingsFor(family: Family, memberIds: readonly string[], endDate: string, endReason: string, bySubscriber: boolean): RetierPlan['endings'] {
  const endings: RetierPlan['endings'] = [];
  for (const memberId of memberIds) {
    for (const p of periodsOf(family, memberId)) {
      const [{ terminationDate } = { terminationDate: endDate }] = dependentTerminationDates(endDate, [{ memberId, terminationDate: p.endDate }]);
      if (p.endDate !== null && compareDates(p.endDate, terminationDate) === 0) continue;
      const why = bySubscriber && memberId !== family.subscriber.memberId ? `${endReason}, employee's coverage ended` : endReason;
      endings.push({ id: p.id, endDate: compareDates(terminationDate, p.startDate) < 0 ? addDays(p.startDate, -1) : terminationDate, endReason: why });
    }
  }
  return endings;
}
