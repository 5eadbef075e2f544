import { z } from 'zod';
import { groupNumber, isoInstant, memberId } from '../contract/schemas/primitives';
import { transactionKinds } from './eligibility';

/**
 * A request for an exception: the group asks the plan to allow a change its rules refuse, with a
 * note saying why. Plan staff read them with `ops exceptions`.
 */

/** The refusals whose message tells the user to ask the plan for an exception (shared/domain). */
export const exceptionRuleCodes = ['qualifying_event_window'] as const;

export const exceptionStatus = z.enum(['open'], { error: 'An exception request is open' });
export type ExceptionStatus = z.infer<typeof exceptionStatus>;

export const MAX_EXCEPTION_NOTE = 1000;

export const exceptionNote = z
  .string({ error: 'Write the plan a note saying why an exception is fair' })
  .trim()
  .min(1, 'Write the plan a note saying why an exception is fair')
  .max(MAX_EXCEPTION_NOTE, `A note is at most ${MAX_EXCEPTION_NOTE} characters`);

/**
 * What the refused change asked for, as short labelled values (relationship, event, dates): enough for
 * plan staff to see the case, never an SSN (the service masks any `ssn` it is sent all the same).
 */
export const exceptionInputSummary = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,39}$/), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
  .refine((summary) => Object.keys(summary).length <= 20, 'At most 20 values');

/** POST /v1/groups/:groupNumber/exception-requests (members.write). */
export const exceptionRequestBody = z
  .object({
    /** The member the change is about (the employee, for a dependent added to their family); absent for a new enrollment. */
    memberId: memberId.nullable().optional(),
    changeKind: z.enum(transactionKinds),
    input: exceptionInputSummary,
    rule: z.object({ code: z.enum(exceptionRuleCodes), message: z.string().trim().min(1).max(1000) }).strict(),
    note: exceptionNote,
  })
  .strict();
export type ExceptionRequestBody = z.input<typeof exceptionRequestBody>;

/** `EX-20261127-0000042`: the day it was received and a plan-wide counter. */
export const exceptionReference = z.string().regex(/^EX-\d{8}-\d{7,}$/);

export const exceptionRequest = z.object({
  referenceNumber: exceptionReference,
  groupNumber,
  requestedBy: z.string(),
  memberId: memberId.nullable(),
  changeKind: z.enum(transactionKinds),
  input: z.record(z.string(), z.unknown()),
  ruleCode: z.enum(exceptionRuleCodes),
  ruleMessage: z.string(),
  note: z.string(),
  status: exceptionStatus,
  createdAt: isoInstant,
});
export type ExceptionRequest = z.infer<typeof exceptionRequest>;
