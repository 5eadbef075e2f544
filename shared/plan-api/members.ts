import { z } from 'zod';
import { address, coverageTier } from '../contract/schemas/group';
import { employmentStatus, gender, memberStatus, relationship } from '../contract/schemas/member';
import { email, groupNumber, isoDate, isoInstant, maskedSsn, memberId, phone, planCode, searchText } from '../contract/schemas/primitives';
import { membershipCounts } from '../contract/methods/dashboard';

/**
 * How the plan service hands a member out: in transaction answers, in the change feed and on the
 * members routes. The SSN is masked (`***-**-6789`) or null; the whole number never leaves the service.
 */
export const memberSnapshot = z.object({
  memberId,
  groupNumber,
  subscriberId: memberId,
  relationship,
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  suffix: z.string().nullable(),
  dateOfBirth: isoDate,
  gender,
  ssn: maskedSsn.nullable(),
  address,
  phone: phone.nullable(),
  email: email.nullable(),
  hireDate: isoDate.nullable(),
  employmentStatus: employmentStatus.nullable(),
  /** The subscriber's eligibility class (Salaried, Hourly, Union Local 12); null for dependents or when not given. */
  employeeClass: z.string().nullable(),
  /** A dependent past the age limit kept covered because of a disability (with proof). */
  disabled: z.boolean(),
  /**
   * A dependent entered "Same as the employee": they move with the employee until given an address of
   * their own. Absent from feed entries recorded before the plan kept the link (read as false).
   */
  sameAddressAsSubscriber: z.boolean().optional(),
  /** Raised by every accepted change; a write naming an older version answers CONFLICT. */
  version: z.number().int().positive(),
  updatedAt: isoInstant,
});
export type MemberSnapshot = z.infer<typeof memberSnapshot>;

/** One coverage period. History is appended and end-dated, never rewritten. */
export const coverageSnapshot = z.object({
  id: z.number().int().positive(),
  memberId,
  planCode,
  tier: coverageTier,
  startDate: isoDate,
  /** Last covered day, or null while open-ended. */
  endDate: isoDate.nullable(),
  /** Why it began, in the words of the 834 maintenance reasons. */
  reason: z.string(),
  /** Why it ended (termination reason, tier change), or null while open-ended. */
  endReason: z.string().nullable(),
});
export type CoverageSnapshot = z.infer<typeof coverageSnapshot>;

/** A member as the members routes show it: snapshot, status as of the service's today, coverage history. */
export const memberView = memberSnapshot.extend({
  status: memberStatus,
  coverage: z.array(coverageSnapshot),
});
export type MemberView = z.infer<typeof memberView>;

export const memberListQuery = z
  .object({
    status: memberStatus.optional(),
    planCode: planCode.optional(),
    relationship: relationship.optional(),
    subscriberId: memberId.optional(),
    /** Prefix of the last name or of the member ID. */
    q: searchText(60).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type MemberListQuery = z.input<typeof memberListQuery>;

export const memberList = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  members: z.array(memberView),
});
export type MemberList = z.infer<typeof memberList>;

const count = z.number().int().nonnegative();

/** The dashboard's counts plus a breakdown of active members by relationship, computed live. */
export const groupCounts = membershipCounts.extend({
  byRelationship: z.array(z.object({ relationship, members: count })),
});
export type GroupCounts = z.infer<typeof groupCounts>;
