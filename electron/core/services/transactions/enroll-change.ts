import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { checkEnrollment } from '@shared/domain/enrollment-checks';
import { personFields, type enrollRequest } from '@shared/plan-api/eligibility';
import type { MemberRecord } from '@shared/sandbox/types';
import { statement } from '../../store/statements';
import { memberSsnContext } from '../../store/members/member-ssn-context';
import { fullName, provisionalDependentId, provisionalSubscriberId, refuseAll, type ChangeEnv, type PlannedChange } from './change-plan';

type EnrollInput = z.output<typeof enrollRequest>;

/** 834 INS04 28, as the plan words the first period. */
export const initialEnrollmentReason = 'Initial enrollment';

/** Enrolls a subscriber with the dependents named with them, on one plan and tier (as the plan does). */
export function planEnroll(env: ChangeEnv, request: EnrollInput): PlannedChange {
  refuseAll(checkEnrollment(request, env.rules, env.today));
  assertSsnNotEnrolled(env, request.subscriber.ssn);

  const relationships = ['subscriber' as const, ...request.dependents.map((d) => d.relationship)];
  const tier = deriveCoverageTier(relationships);
  const coverage = [{ planCode: request.planCode, tier, startDate: request.effectiveDate, endDate: null, reason: initialEnrollmentReason }];
  const { subscriber } = request;
  const n = request.dependents.length;
  return {
    kind: 'enroll',
    body: { ...request },
    summary: `Enroll ${fullName(subscriber)}${n === 0 ? '' : ` with ${n} dependent${n === 1 ? '' : 's'}`}`,
    memberId: null,
    memberIds: [],
    apply(writer, outboxId) {
      const subscriberId = provisionalSubscriberId(outboxId);
      const base = { subscriberId, middleName: null, suffix: null, phone: null, email: null, hireDate: null, employmentStatus: null, coverage };
      const rows: [MemberRecord, { disabled: boolean; employeeClass?: string | null; sameAddressAsSubscriber?: boolean }][] = [
        [
          {
            ...base,
            memberId: subscriberId,
            relationship: 'subscriber',
            ...personFields(subscriber),
            ssn: subscriber.ssn,
            address: subscriber.address,
            phone: subscriber.phone ?? null,
            email: subscriber.email ?? null,
            hireDate: subscriber.hireDate,
            employmentStatus: subscriber.employmentStatus,
          },
          { disabled: false, employeeClass: subscriber.employeeClass ?? null },
        ],
        ...request.dependents.map((d, i): [MemberRecord, { disabled: boolean; sameAddressAsSubscriber: boolean }] => [
          {
            ...base,
            memberId: provisionalDependentId(outboxId, i + 1),
            relationship: d.relationship,
            ...personFields(d),
            ssn: d.ssn ?? null,
            address: d.address ?? subscriber.address,
          },
          // Entered without an address: "Same as the employee", a link the plan keeps too.
          { disabled: d.disabled, sameAddressAsSubscriber: d.address === undefined },
        ]),
      ];
      for (const [member, local] of rows) writer.insertProvisional(member, local);
    },
  };
}

/**
 * An employee is enrolled once per group and covered again by reinstatement. Only subscribers with
 * the same last 4 are decrypted and compared: a handful of rows through members_by_ssn_last4. The
 * refusal names no member, as the plan's does: naming one would let a user confirm whose SSN a
 * guessed number is.
 */
function assertSsnNotEnrolled(env: ChangeEnv, ssn: string): void {
  const candidates = statement(
    env.db,
    `SELECT member_id, ssn_encrypted FROM members WHERE group_number = ? AND ssn_last4 = ? AND relationship = 'subscriber'`,
  ).all(env.rules.groupNumber, ssn.slice(-4)) as { member_id: string; ssn_encrypted: Buffer }[];
  const taken = candidates.find((c) => env.cipher.decrypt(c.ssn_encrypted, memberSsnContext(c.member_id)) === ssn);
  if (taken !== undefined) {
    const message = isProvisionalMemberId(taken.member_id)
      ? `This SSN matches an enrollment in this group still waiting for the plan: wait for the plan's answer, or cancel that enrollment in Activity.`
      : 'This SSN matches another member of this group: check the number. If it is right, reinstate or update that member instead of enrolling again.';
    throw new ContractFailure('RULE', message, { 'subscriber.ssn': message });
  }
}
