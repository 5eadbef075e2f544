import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { checkEnrollment } from '@shared/domain/enrollment-checks';
import { personFields, type TransactionAccepted } from '@shared/plan-api/eligibility';
import type { enrollRequest } from '@shared/plan-api/eligibility';
import type { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groups } from '../../store/schema';
import { enforceAll, groupNotFound, groupRulesColumns, groupRulesOf, type Actor, type EligibilityEnv } from './context';
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
  enforceAll(checkEnrollment(input, { groupNumber, planCodes: [...rules.planNames.keys()], policy: rules.policy }, work.today));
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
      ssnEncrypted: env.cipher.encrypt(subscriber.ssn, subscriberId),
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
  const tier = deriveCoverageTier(['subscriber', ...input.dependents.map((d) => d.relationship)]);
  await work.insertPeriods(
    rows.map((r) => ({ memberId: r.memberId, planCode: input.planCode, tier, startDate: input.effectiveDate, endDate: null, reason: initialEnrollmentReason })),
  );
  return work.commit(
    'enroll',
    input,
    rows.map((r) => r.memberId),
  );
}
