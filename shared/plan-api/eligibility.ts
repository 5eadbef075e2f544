import { z } from 'zod';
import { addressInput } from '../contract/schemas/group';
import { employeeClass, employmentStatus, gender, relationship } from '../contract/schemas/member';
import { email, isoDate, isoInstant, memberId, personName, phone, planCode, ssnInput } from '../contract/schemas/primitives';
import { enrollmentReasons, specialEnrollmentEventIds } from '../domain/late-enrollment';
import { qualifyingEventIds } from '../domain/qualifying-events';
import { terminationReasonIds } from '../domain/termination-reasons';
import { memberView } from './members';

/**
 * Requests and answers of the plan service's eligibility transactions. The desktop's sync client
 * sends exactly these bodies from its outbox, each with an `Idempotency-Key` header, so a retry
 * never applies a transaction twice (docs/architecture.md#push).
 */

const suffix = z.string().trim().max(10).regex(/^[A-Za-z.]+$/, 'Use letters and periods (Jr., III)');

/** `expectedVersion`: the member version the administrator saw; a newer one on the plan answers CONFLICT. */
const expectedVersion = z.number().int().positive();

export const personInput = z
  .object({
    firstName: personName,
    middleName: personName.nullable().optional(),
    lastName: personName,
    suffix: suffix.nullable().optional(),
    dateOfBirth: isoDate,
    gender,
    /** Optional for dependents: coverage providers need only make reasonable efforts to collect it (IRC 6055). */
    ssn: ssnInput.nullable().optional(),
  })
  .strict();

/** A person's name, birth date and gender as both programs store them (absent optional parts are null). */
export function personFields(person: Pick<z.output<typeof personInput>, 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'dateOfBirth' | 'gender'>) {
  return {
    firstName: person.firstName,
    middleName: person.middleName ?? null,
    lastName: person.lastName,
    suffix: person.suffix ?? null,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
  };
}

export const dependentRelationship = relationship.exclude(['subscriber']);

export const dependentInput = personInput
  .extend({
    relationship: dependentRelationship,
    /** Incapable of self-support with proof on file (834 INS10): covered past the age limit. */
    disabled: z.boolean().default(false),
    /** Defaults to the subscriber's address. */
    address: addressInput.optional(),
  })
  .strict();
export type DependentInput = z.input<typeof dependentInput>;

export const enrollRequest = z
  .object({
    subscriber: personInput
      .extend({
        ssn: ssnInput,
        address: addressInput,
        phone: phone.nullable().optional(),
        email: email.nullable().optional(),
        hireDate: isoDate,
        employmentStatus,
        employeeClass: employeeClass.nullable().optional(),
      })
      .strict(),
    planCode,
    effectiveDate: isoDate,
    dependents: z.array(dependentInput).max(20).default([]),
    /**
     * Why the employee may enroll now; absent is the first window after hire. A `special` enrollment
     * names its `event`; the enrollment rules refuse one without it.
     */
    enrollmentReason: z.enum(enrollmentReasons).optional(),
    event: z.object({ kind: z.enum(specialEnrollmentEventIds), date: isoDate }).strict().optional(),
  })
  .strict();
export type EnrollRequest = z.input<typeof enrollRequest>;

export const addDependentRequest = z
  .object({
    subscriberId: memberId,
    dependent: dependentInput,
    event: z.object({ kind: z.enum(qualifyingEventIds), date: isoDate }).strict(),
    /** The subscriber's version. */
    expectedVersion,
  })
  .strict();
export type AddDependentRequest = z.input<typeof addDependentRequest>;

export const terminateRequest = z
  .object({
    memberId,
    reason: z.enum(terminationReasonIds),
    /** The event (last day worked, death, divorce); the plan's termination rule gives the last covered day. */
    requestedDate: isoDate,
    expectedVersion,
  })
  .strict();
export type TerminateRequest = z.input<typeof terminateRequest>;

export const reinstateRequest = z
  .object({
    memberId,
    expectedVersion,
    /** Reinstating a subscriber also restores the dependents whose coverage ended with theirs. */
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type ReinstateRequest = z.input<typeof reinstateRequest>;

export const demographicChanges = z
  .object({
    firstName: personName,
    middleName: personName.nullable(),
    lastName: personName,
    suffix: suffix.nullable(),
    dateOfBirth: isoDate,
    gender,
    ssn: ssnInput,
    address: addressInput,
    phone: phone.nullable(),
    email: email.nullable(),
    employmentStatus,
    employeeClass: employeeClass.nullable(),
  })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'Name at least one field to change');

/** Fields that identify a person: changing them is a correction of a wrong record (834 INS04 25). */
export const identifyingFields = ['firstName', 'middleName', 'lastName', 'suffix', 'dateOfBirth', 'ssn'] as const;

export const updateDemographicsRequest = z
  .object({
    memberId,
    changes: demographicChanges,
    effectiveDate: isoDate,
    /** True when the record was wrong (not a life change); required for a date of birth or SSN. */
    correction: z.boolean(),
    expectedVersion,
    /**
     * With an employee's new address: exactly the dependents who move with them, in the same
     * transaction (shared/domain/household-move.ts). Absent, the dependents linked to the employee's
     * address ("Same as the employee") follow.
     */
    moveDependents: z
      .array(memberId)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'Each dependent once')
      .optional(),
  })
  .strict();
export type UpdateDemographicsRequest = z.input<typeof updateDemographicsRequest>;

export const idCardReasons = ['new_card', 'lost', 'stolen', 'damaged', 'not_received', 'information_changed'] as const;

export const idCardRequest = z
  .object({
    memberIds: z
      .array(memberId)
      .min(1, 'Choose at least one member')
      .max(500, 'At most 500 members per request')
      .refine((ids) => new Set(ids).size === ids.length, 'Each member once'),
    reason: z.enum(idCardReasons),
    shipTo: z.enum(['member', 'employer']),
  })
  .strict();
export type IdCardRequest = z.input<typeof idCardRequest>;

export const transactionKinds = ['enroll', 'add_dependent', 'terminate', 'reinstate', 'update_demographics', 'id_cards'] as const;
export type TransactionKind = (typeof transactionKinds)[number];

export const confirmationNumber = z.string().regex(/^TX-\d{8}-\d{7,}$/);

/** An accepted transaction as the change feed and the plan's records keep it (SSNs as last four only). */
export const transactionRecord = z.object({
  confirmationNumber,
  kind: z.enum(transactionKinds),
  status: z.literal('accepted'),
  memberIds: z.array(memberId),
  request: z.record(z.string(), z.unknown()),
  actorUserId: z.string(),
  acceptedAt: isoInstant,
});
export type TransactionRecord = z.infer<typeof transactionRecord>;

/** The answer to every accepted eligibility transaction. */
export const transactionAccepted = z.object({
  confirmationNumber,
  kind: z.enum(transactionKinds),
  acceptedAt: isoInstant,
  /** Members the transaction created or changed, with their new versions in `members`. */
  memberIds: z.array(memberId),
  members: z.array(memberView),
});
export type TransactionAccepted = z.infer<typeof transactionAccepted>;
