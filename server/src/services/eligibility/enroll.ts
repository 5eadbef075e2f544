import { ContractFailure } from '@shared/contract/errors';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { validateRetroDate } from '@shared/domain/retro-window';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { personFields, type TransactionAccepted } from '@shared/plan-api/eligibility';
import type { enrollRequest } from '@shared/plan-api/eligibility';
import { compareDates } from '@shared/util/dates';
import type { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groups } from '../../store/schema';
import { enforce, groupNotFound, groupRulesColumns, groupRulesOf, requirePlan, type Actor, type EligibilityEnv } from './context';
import { dependentRow } from './dependent-row';
import { dependentId } from './member-ids';
import { ssnTaken, subscriberWithSsn } from './ssn-duplicates';
import { EligibilityWork, type NewMember } from './work';

export type EnrollInput = z.output<typeof enrollRequest>;

/** 834 INS04 28 "Initial enrollment". */
export const initialEnrollmentReason = 'Initial enrollment';

/** Enrolls a subscriber and the dependents named with them, all on one plan and tier. */
export async function enrollSubscriber(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: EnrollInput): Promise<TransactionAccepted> {
  // One round trip for the group's rules, the new subscriber's number and whether the SSN is
  // already a subscriber's here: enrollment is the busiest write. A refused enrollment spends a
  // number of the sequence, as any rolled-back one does; member IDs need not be consecutive.
  const [found] = await tx
    .select({
      ...groupRulesColumns,
      subscriberId: sql<string | number>`nextval('subscriber_number_seq')`,
      ssnTakenBy: sql<string | null>`(${subscriberWithSsn(tx, env.cipher, groupNumber, input.subscriber.ssn)})`,
    })
    .from(groups)
    .where(eq(groups.groupNumber, groupNumber));
  if (!found) throw groupNotFound(groupNumber);
  const rules = groupRulesOf(groupNumber, found);
  const work = new EligibilityWork(tx, env, rules, actor);
  requirePlan(rules, input.planCode);
  enforce(validateRetroDate(input.effectiveDate, rules.policy, work.today));
  // PHS Act §2708: coverage may not start before the waiting period after hire has passed.
  const earliest = firstEligibleEffectiveDate(input.subscriber.hireDate, rules.policy);
  if (compareDates(input.effectiveDate, earliest) < 0) {
    throw new ContractFailure(
      'RULE',
      `Effective date must be on or after ${earliest}: the group's waiting period is ${rules.policy.waitingPeriodDays} days after the hire date ${input.subscriber.hireDate}.`,
      { effectiveDate: `On or after ${earliest}` },
    );
  }
  const relationships = ['subscriber' as const, ...input.dependents.map((d) => d.relationship)];
  enforce(validateFamilyComposition(relationships), 'dependents.');
  input.dependents.forEach((d, i) => enforce(validateDependentAge(d, input.effectiveDate, rules.policy), `dependents.${i}.`));
  if (found.ssnTakenBy !== null) throw ssnTaken(found.ssnTakenBy);

  const subscriberId = String(found.subscriberId);
  const { subscriber } = input;
  const rows: Omit<NewMember, 'updatedAt' | 'version'>[] = [
    {
      memberId: subscriberId,
      groupNumber,
      subscriberId,
      relationship: 'subscriber',
      ...personFields(subscriber),
      ssnEncrypted: env.cipher.encrypt(subscriber.ssn),
      ssnLast4: subscriber.ssn.slice(-4),
      ssnFingerprint: env.cipher.fingerprint(subscriber.ssn),
      address: subscriber.address,
      phone: subscriber.phone ?? null,
      email: subscriber.email ?? null,
      hireDate: subscriber.hireDate,
      employmentStatus: subscriber.employmentStatus,
      employeeClass: subscriber.employeeClass ?? null,
      disabled: false,
    },
    ...input.dependents.map((d, i) => dependentRow(env, { groupNumber, subscriberId, subscriberAddress: subscriber.address }, dependentId(subscriberId, i + 1), d)),
  ];
  await work.insertMembers(rows);
  const tier = deriveCoverageTier(relationships);
  await work.insertPeriods(
    rows.map((r) => ({ memberId: r.memberId, planCode: input.planCode, tier, startDate: input.effectiveDate, endDate: null, reason: initialEnrollmentReason })),
  );
  return work.commit(
    'enroll',
    input,
    rows.map((r) => r.memberId),
  );
}
