import { z } from 'zod';
import { email, isoInstant } from '../contract/schemas/primitives';

/** At most this many addresses get the new-invoice notice: a list, not a mailing list. */
export const MAX_NOTICE_RECIPIENTS = 10;

/**
 * GET /v1/groups/:groupNumber/billing-preferences (billing.read). `noticeRecipients` null is the
 * default: the group's primary administrators and billing users, as they are when an invoice is
 * issued (their addresses are not shown here: billing users may join with an invoice alone).
 */
export const billingPreferences = z.object({
  /** False: invoices are printed and mailed (the default); true: e-mail notice only. */
  paperless: z.boolean(),
  noticeRecipients: z.array(z.string()).nullable(),
  /** Who changed them last, and when; null while the group has the defaults it never changed. */
  updatedBy: z.string().nullable(),
  updatedAt: isoInstant.nullable(),
});
export type BillingPreferences = z.infer<typeof billingPreferences>;

/** Addresses as typed: surrounding spaces and case do not matter, so one address is not listed twice. */
const recipient = z.string().trim().toLowerCase().pipe(email.max(254));

/** PUT /v1/groups/:groupNumber/billing-preferences (billing.write): both, in full; null recipients restore the default. */
export const billingPreferencesUpdate = z
  .object({
    paperless: z.boolean({ error: 'Choose paperless (true) or paper (false) invoices' }),
    noticeRecipients: z
      .array(recipient)
      .min(1, 'Name at least one address, or null for the group’s primary administrators and billing users')
      .max(MAX_NOTICE_RECIPIENTS, `At most ${MAX_NOTICE_RECIPIENTS} addresses`)
      .refine((list) => new Set(list).size === list.length, 'Each address once')
      .nullable(),
  })
  .strict();
export type BillingPreferencesUpdate = z.input<typeof billingPreferencesUpdate>;
