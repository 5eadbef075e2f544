import { z } from 'zod';
import {
  addDependentRequest,
  enrollRequest,
  idCardReasons,
  idCardRequest,
  reinstateRequest,
  terminateRequest,
  transactionKinds,
  updateDemographicsRequest,
} from '../../plan-api/eligibility';
import { terminationReasonIds } from '../../domain/termination-reasons';
import { addressInput } from './group';
import { contractErrorSchema } from '../errors';
import { groupNumber, isoDate, isoInstant, localMemberId, memberId } from './primitives';

/**
 * What a wizard submits: the plan service's own request bodies (shared/plan-api/eligibility.ts), so
 * the outbox sends exactly what the user reviewed. `expectedVersion` is left out: the core fills it
 * from the local replica, which is the version the user was looking at.
 */
export const transactionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enroll'), request: enrollRequest }).strict(),
  z.object({ kind: z.literal('add_dependent'), request: addDependentRequest.omit({ expectedVersion: true }) }).strict(),
  z.object({ kind: z.literal('terminate'), request: terminateRequest.omit({ expectedVersion: true }) }).strict(),
  z.object({ kind: z.literal('reinstate'), request: reinstateRequest.omit({ expectedVersion: true }) }).strict(),
  z.object({ kind: z.literal('update_demographics'), request: updateDemographicsRequest.omit({ expectedVersion: true }) }).strict(),
  z.object({ kind: z.literal('id_cards'), request: idCardRequest }).strict(),
]);
export type TransactionInput = z.input<typeof transactionInput>;
export type ParsedTransactionInput = z.output<typeof transactionInput>;

/**
 * Where a transaction is in its life: a wizard's `draft`; `queued` in the outbox; `sent` and waiting
 * for the answer; `accepted` with the plan's confirmation number; `rejected` with its reasons (the
 * input kept for correction); `cancelled` by the user before it was sent; `corrected` when a
 * rejected one was fixed and resent as a new transaction (`replacedBy`).
 */
export const transactionStatuses = ['draft', 'queued', 'sent', 'accepted', 'rejected', 'cancelled', 'corrected'] as const;
export const transactionStatus = z.enum(transactionStatuses);
export type TransactionStatus = z.infer<typeof transactionStatus>;

export const activityItem = z.object({
  id: z.number().int().positive(),
  groupNumber,
  kind: z.enum(transactionKinds),
  status: transactionStatus,
  /** One line a person reads: "Enroll Jane Smith with 2 dependents", "Terminate 123456789-01 Ava Smith". */
  summary: z.string(),
  /** Members it names; provisional `NEW-…` IDs until the plan assigns real ones. */
  memberIds: z.array(localMemberId),
  confirmationNumber: z.string().nullable(),
  /** Why the plan (or the core's own check before sending) refused it. */
  error: contractErrorSchema.nullable(),
  attempts: z.number().int().nonnegative(),
  /** The signed-in user ID who submitted it. */
  createdBy: z.string(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  sentAt: isoInstant.nullable(),
  resolvedAt: isoInstant.nullable(),
  /** The wizard draft that holds the user's input (for correcting a rejection), if any. */
  draftId: z.number().int().positive().nullable(),
  /** The transaction that corrected this rejected one. */
  replacedBy: z.number().int().positive().nullable(),
  /** The rejected transaction this one corrects (the other end of its `replacedBy`), so each links to the other. */
  replaces: z.number().int().positive().nullable(),
  /** A printable record exists (`transactions.document`): the ID-card request form. */
  hasDocument: z.boolean(),
  /** The bulk action or file import it was queued with, so Activity can offer to cancel the rest of it. */
  batch: z.object({ id: z.number().int().positive(), label: z.string() }).nullable(),
});
export type ActivityItem = z.infer<typeof activityItem>;

/** One action applied to many roster rows at once (issue 4: bulk actions), always dry-run first. */
export const bulkAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('terminate'),
      memberIds: z.array(memberId).min(1, 'Choose at least one member').max(1000, 'At most 1,000 members at once'),
      reason: z.enum(terminationReasonIds),
      requestedDate: isoDate,
    })
    .strict(),
  z
    .object({
      kind: z.literal('id_cards'),
      memberIds: z.array(memberId).min(1, 'Choose at least one member').max(500, 'At most 500 members per request'),
      reason: z.enum(idCardReasons),
      shipTo: z.enum(['member', 'employer']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('address'),
      /** Employees: each one's new address; a dependent selected alone is named as a problem. */
      memberIds: z.array(memberId).min(1, 'Choose at least one member').max(1000, 'At most 1,000 members at once'),
      address: addressInput,
      /** The day the new address applies (the retro window bounds it, as for any demographic change). */
      effectiveDate: isoDate,
      /** Also move each employee's dependents whose address on file is the employee's old one. */
      withDependents: z.boolean(),
    })
    .strict(),
]);
export type BulkAction = z.input<typeof bulkAction>;

/** One member's field as it is and as the change makes it, in words. */
export const bulkChange = z.object({ memberId, name: z.string(), from: z.string(), to: z.string() });
export type BulkChange = z.infer<typeof bulkChange>;

export const bulkOutcome = z.object({
  memberId,
  name: z.string(),
  /** `ok`: will be queued; `skipped`: nothing to do (already terminated, ends with its subscriber); `problem`: a rule refuses it. */
  outcome: z.enum(['ok', 'skipped', 'problem']),
  message: z.string().nullable(),
  /** For a termination: the last covered day the plan's rule gives. */
  coverageEnds: isoDate.nullable(),
  /** For an address change: every member of the family it moves (the employee first), old address → new. */
  changes: z.array(bulkChange).optional(),
});
export type BulkOutcome = z.infer<typeof bulkOutcome>;

export const wizardNames = ['enroll', 'add_dependent', 'terminate', 'update_demographics', 'id_cards'] as const;
export const wizardName = z.enum(wizardNames);
export type WizardName = z.infer<typeof wizardName>;

/** Form values as the wizard holds them; sensitive ones (full SSNs) travel in `secrets`, encrypted at rest. */
export const draftData = z.record(z.string(), z.unknown());
export const draftSecrets = z.record(z.string().max(100), z.string().max(100));

export const draft = z.object({
  id: z.number().int().positive(),
  wizard: wizardName,
  groupNumber,
  memberId: localMemberId.nullable(),
  step: z.string().max(40),
  data: draftData,
  secrets: draftSecrets,
  /** The outbox row it was submitted as, while that one is not yet accepted. */
  transactionId: z.number().int().positive().nullable(),
  updatedAt: isoInstant,
});
export type Draft = z.infer<typeof draft>;

export const draftSummary = draft.omit({ data: true, secrets: true }).extend({ summary: z.string() });
export type DraftSummary = z.infer<typeof draftSummary>;
