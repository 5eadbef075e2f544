import { z } from 'zod';
import { isoInstant, memberId } from '../contract/schemas/primitives';

/** Why a line is wrong, as the group sees it; `other` says so in the note. */
export const disputeReasons = ['billed_but_terminated', 'covered_not_billed', 'wrong_plan_or_tier', 'wrong_amount', 'other'] as const;
export const disputeReason = z.enum(disputeReasons, { error: `Choose a reason: ${disputeReasons.join(', ')}` });
export type DisputeReason = z.infer<typeof disputeReason>;

export const disputeStatus = z.enum(['open', 'resolved'], { error: 'A dispute status is open or resolved' });
export type DisputeStatus = z.infer<typeof disputeStatus>;

export const MAX_DISPUTE_NOTE = 1000;

/** A note as typed: surrounding spaces do not count. */
export const disputeNote = z
  .string({ error: 'Say what is wrong in a note' })
  .trim()
  .min(1, 'Say what is wrong in a note')
  .max(MAX_DISPUTE_NOTE, `A note is at most ${MAX_DISPUTE_NOTE} characters`);

/**
 * POST /v1/groups/:groupNumber/invoices/:invoiceNumber/disputes (billing.read and billing.write or
 * members.write). `memberId` names the member line disputed, or, with reason `covered_not_billed`, the
 * subscriber of a family covered but not billed (who has no line); leave it out (or null) to dispute
 * the invoice as a whole.
 */
export const fileDisputeRequest = z
  .object({
    memberId: memberId.nullable().optional(),
    reason: disputeReason,
    note: disputeNote,
  })
  .strict();
export type FileDisputeRequest = z.input<typeof fileDisputeRequest>;

export const invoiceDispute = z.object({
  id: z.number().int().positive(),
  invoiceNumber: z.string(),
  /** Null: the whole invoice. */
  memberId: memberId.nullable(),
  reason: disputeReason,
  note: z.string(),
  filedBy: z.string(),
  filedAt: isoInstant,
  status: disputeStatus,
  /** Set once plan staff resolve it. */
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoInstant.nullable(),
});
export type InvoiceDispute = z.infer<typeof invoiceDispute>;

/** GET /v1/groups/:groupNumber/disputes (billing.read): newest first, optionally only open or resolved ones. */
export const disputeListQuery = z.object({ status: disputeStatus.optional() }).strict();
export const disputeList = z.object({ disputes: z.array(invoiceDispute) });
export type DisputeList = z.infer<typeof disputeList>;
