import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import type { CoverageTier } from '@shared/contract/schemas/group';
import type { Relationship } from '@shared/contract/schemas/member';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { qualifyingEvent, validateQualifyingEvent } from '@shared/domain/qualifying-events';
import { validateRetroDate } from '@shared/domain/retro-window';
import type { addDependentRequest, TransactionAccepted } from '@shared/plan-api/eligibility';
import { compareDates, maxDate } from '@shared/util/dates';
import type { Db } from '../../store/db';
import { checkVersion, enforce, loadGroupRules, type Actor, type EligibilityEnv } from './context';
import { familyPeriods, latestPeriod, lockFamily, relationshipsOf } from './family';
import { dependentRow } from './dependent-row';
import { dependentId, nextDependentSuffix } from './member-ids';
import { retierFamily } from './retier';
import { EligibilityWork } from './work';

export type AddDependentInput = z.output<typeof addDependentRequest>;

/**
 * Adds a dependent to a covered subscriber for a qualifying event (HIPAA special enrollment): the
 * event gives the effective date, and the family's tier is recomputed from that day on.
 */
export async function addDependent(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: AddDependentInput): Promise<TransactionAccepted> {
  const rules = await loadGroupRules(tx, groupNumber);
  const work = new EligibilityWork(tx, env, rules, actor);
  const { family, member: subscriber } = await lockFamily(tx, groupNumber, input.subscriberId);
  work.knowHistories(family.members.map((m) => m.memberId), family.periods);
  if (subscriber.relationship !== 'subscriber') {
    throw new ContractFailure('RULE', `${input.subscriberId} is a dependent: add the new dependent to employee ${subscriber.subscriberId}.`, {
      subscriberId: 'Not an employee',
    });
  }
  checkVersion(subscriber.memberId, subscriber.version, input.expectedVersion);
  const { dependent, event } = input;
  if (qualifyingEvent(event.kind).action !== 'add') {
    throw new ContractFailure('RULE', `${qualifyingEvent(event.kind).label} removes a dependent: terminate the dependent instead.`, { 'event.kind': 'Not an event that adds' });
  }
  const eventEffective = enforce(
    validateQualifyingEvent(
      { event: event.kind, eventDate: event.date, requestDate: work.today, relationship: dependent.relationship, dateOfBirth: dependent.dateOfBirth },
      rules.policy,
    ),
    'event.',
  );
  const current = latestPeriod(family, subscriber.memberId);
  if (!current || (current.endDate !== null && compareDates(current.endDate, maxDate(eventEffective, current.startDate)) < 0)) {
    throw new ContractFailure('RULE', `Employee ${subscriber.memberId} has no coverage on ${eventEffective}: reinstate the employee before adding dependents.`, {
      subscriberId: 'Not covered',
    });
  }
  // A dependent's coverage hangs on the subscriber's: it cannot start before it, nor outlast it.
  const effectiveDate = maxDate(eventEffective, current.startDate);
  enforce(validateRetroDate(effectiveDate, rules.policy, work.today, 'event.date', 'Coverage start'));
  enforce(validateDependentAge(dependent, effectiveDate, rules.policy), 'dependent.');

  const coveredThen = family.members.filter((m) => {
    const p = latestPeriod(family, m.memberId);
    return p !== undefined && (p.endDate === null || compareDates(p.endDate, effectiveDate) >= 0);
  });
  enforce(validateFamilyComposition([...coveredThen.map((m) => m.relationship as Relationship), dependent.relationship]), 'dependent.');

  const memberId = dependentId(subscriber.memberId, nextDependentSuffix(family.members.map((m) => m.memberId)));
  await work.insertMembers([dependentRow(env, { groupNumber, subscriberId: subscriber.memberId, subscriberAddress: subscriber.address }, memberId, dependent)]);
  // The newcomer starts on the subscriber's plan at the tier of the family that day, them included;
  // then everyone's tier is re-derived with them counted.
  const coveredOnStart = familyPeriods(family).filter((p) => compareDates(p.startDate, effectiveDate) <= 0 && (p.endDate === null || compareDates(effectiveDate, p.endDate) <= 0));
  const tier = deriveCoverageTier([...coveredOnStart.map((p) => family.members.find((m) => m.memberId === p.memberId)?.relationship as Relationship), dependent.relationship]);
  const [inserted] = await work.insertPeriods([
    { memberId, planCode: current.planCode, tier, startDate: effectiveDate, endDate: current.endDate, reason: qualifyingEvent(event.kind).label },
  ]);
  const relationships = relationshipsOf(family).set(memberId, dependent.relationship);
  const periods = [...familyPeriods(family), ...(inserted ? [{ ...inserted, tier: inserted.tier as CoverageTier }] : [])];
  await work.applyRetier(retierFamily(periods, relationships, effectiveDate));
  return work.commit('add_dependent', input, [memberId, ...coveredThen.map((m) => m.memberId)]);
}
