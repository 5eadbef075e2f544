import { z } from 'zod';
import { address } from './group';
import { coverageTier } from './group';
import { email, isoDate, localMemberId, maskedSsn, personName, phone, planCode } from './primitives';

/** Relationship to the subscriber; the X12 834 INS02 codes live in shared/domain. */
export const relationships = ['subscriber', 'spouse', 'domestic_partner', 'child', 'stepchild', 'adopted_child', 'foster_child'] as const;
export const relationship = z.enum(relationships);
export type Relationship = z.infer<typeof relationship>;

export const genders = ['F', 'M', 'U'] as const;
export const gender = z.enum(genders);

/**
 * Coverage status as of a day: `pending` before the effective date, `terminated` after the
 * termination date, `active` between.
 */
export const memberStatuses = ['active', 'pending', 'terminated'] as const;
export const memberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatus>;

export const employmentStatus = z.enum(['FT', 'PT']);

/**
 * The eligibility class the plan contract names (Salaried, Hourly, Union Local 12); the 834 carries it.
 * Letters, digits, spaces and . , & ' - / only: nothing an X12 834 reserves (* ~ : ^).
 */
export const employeeClass = z
  .string()
  .trim()
  .min(1, 'Enter the class, or leave it empty')
  .max(40, 'At most 40 characters')
  .regex(/^[A-Za-z0-9 .,&'/-]+$/, "Use letters, digits, spaces or . , & ' - /");

/** One row of the roster table. */
export const rosterRow = z.object({
  memberId: localMemberId,
  subscriberId: localMemberId,
  relationship,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  planCode,
  planName: z.string(),
  tier: coverageTier,
  status: memberStatus,
  effectiveDate: isoDate,
  terminationDate: isoDate.nullable(),
  ssnLast4: z.string().nullable(),
  /** A local change not yet accepted by the plan (issue "Manage Members end to end"). */
  pendingSync: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRow>;

export const coveragePeriod = z.object({
  planCode,
  planName: z.string(),
  tier: coverageTier,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  /** Why the period began or ended, in the words of the 834 maintenance reasons. */
  reason: z.string(),
  /** Why it ended, in words (never the 834 code), when the plan recorded a reason; null while it runs. */
  endReason: z.string().nullable(),
});
export type CoveragePeriod = z.infer<typeof coveragePeriod>;

/** Where a dependent lives, and whether it is linked to the employee's address. */
export const dependentHome = z.object({ memberId: localMemberId, address, sameAddressAsSubscriber: z.boolean() });
export type DependentHome = z.infer<typeof dependentHome>;

export const memberDetail = z.object({
  memberId: localMemberId,
  subscriberId: localMemberId,
  relationship,
  firstName: personName,
  middleName: z.string().nullable(),
  lastName: personName,
  suffix: z.string().nullable(),
  dateOfBirth: isoDate,
  gender,
  ssn: maskedSsn.nullable(),
  address,
  phone: phone.nullable(),
  email: email.nullable(),
  hireDate: isoDate.nullable(),
  employmentStatus: employmentStatus.nullable(),
  /** The subscriber's eligibility class; null for dependents and when the plan was not told one. */
  employeeClass: z.string().nullable(),
  status: memberStatus,
  planCode,
  planName: z.string(),
  tier: coverageTier,
  effectiveDate: isoDate,
  terminationDate: isoDate.nullable(),
  coverageHistory: z.array(coveragePeriod),
  /** For a dependent: entered "Same as the employee", so they move with the employee (shared/domain/household-move.ts). */
  sameAddressAsSubscriber: z.boolean(),
  /** For a subscriber: the family. For a dependent: empty (see `subscriber`). */
  dependents: z.array(rosterRow),
  /** For a subscriber: where each of `dependents` lives, so a move can offer to take them along. */
  dependentHomes: z.array(dependentHome),
  /** For a dependent: the subscriber's row. */
  subscriber: rosterRow.nullable(),
  version: z.number().int().nonnegative(),
  pendingSync: z.boolean(),
});
export type MemberDetail = z.infer<typeof memberDetail>;
