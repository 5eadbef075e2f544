import { z } from 'zod';
import { email, groupNumber, isoDate, isoInstant, personName, phone } from '../contract/schemas/primitives';

/**
 * A request to become a group's primary administrator (a form that returns a
 * confirmation number and is processed in 3–5 business days), as the plan service takes it.
 */
export const accessRequestInput = z
  .object({
    companyName: z.string().trim().min(1, 'Required').max(80, 'At most 80 characters'),
    groupNumber,
    officerName: personName,
    officerTitle: z.string().trim().min(1, 'Required').max(60, 'At most 60 characters'),
    contactPhone: phone,
    contactEmail: email.max(254),
    /** The requester attests to acting for the employer with the officer's authority. */
    attestation: z.literal(true, 'You must attest that you are authorized to act for this employer'),
  })
  .strict();
export type AccessRequestInput = z.input<typeof accessRequestInput>;

export const accessRequestStatus = z.enum(['pending', 'approved', 'rejected']);

export const accessRequest = z.object({
  /** `PA-2026-000123`. */
  confirmationNumber: z.string().regex(/^PA-\d{4}-\d{6,}$/),
  companyName: z.string(),
  groupNumber,
  officerName: z.string(),
  officerTitle: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  status: accessRequestStatus,
  submittedAt: isoInstant,
  /** Processing takes 3–5 business days; this is the fifth. */
  expectedCompletion: isoDate,
  decidedAt: isoInstant.nullable(),
  /** Why a request was rejected; null otherwise. */
  decisionReason: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof accessRequest>;

export const accessRequestList = z.object({ requests: z.array(accessRequest) });
