import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { ssnProblemMessage } from '../../domain/ssn-validity';

/** A calendar date `YYYY-MM-DD` that exists (`2026-02-30` is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((s) => {
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'This date does not exist');
export type IsoDate = z.infer<typeof isoDate>;

/**
 * What a user types into a search box. Control characters are refused: nobody types them, and
 * PostgreSQL text cannot hold a NUL, so one would reach the database only to fail there.
 */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'A search cannot contain control characters');

/** An instant, ISO-8601 in UTC (`2026-11-27T06:51:10.000Z`). */
export const isoInstant = z.iso.datetime();

/** Money is integer cents, never floats. */
export const cents = z.number().int().safe();

/**
 * The plan's group number as printed on invoices (digits, 4–10). Its form, like the other `…Form`s,
 * is exported for a reader that tests hundreds of thousands of values (the desktop's change-feed
 * reader), where the regular expression costs a fraction of a parse.
 */
export const groupNumberForm = /^\d{4,10}$/;
export const groupNumber = z.string().regex(groupNumberForm, 'A group number is 4 to 10 digits');

/** Plan-assigned member ID: subscriber `123456789`, dependent `123456789-01`. */
export const memberIdForm = /^\d{9}(-\d{2})?$/;
export const memberId = z.string().regex(memberIdForm, 'A member ID is 9 digits, with -NN for a dependent');

/**
 * A member ID as the local replica knows it: the plan's, or `NEW-<transaction>[-NN]` for a member
 * the user enrolled offline, until the plan accepts the enrollment and assigns the real one.
 */
export const localMemberId = z.string().regex(/^(\d{9}(-\d{2})?|NEW-\d{1,12}(-\d{2})?)$/, 'A member ID is 9 digits, with -NN for a dependent');
export const isProvisionalMemberId = (id: string): boolean => id.startsWith('NEW-');

export const planCodeForm = /^[A-Z0-9-]{2,20}$/;
export const planCode = z.string().regex(planCodeForm, 'A plan code is 2–20 capital letters, digits or dashes');

/**
 * A full SSN as typed (dashes optional); only ever an input, never an output. A number the Social
 * Security Administration never issues, or a well-known sample number, is refused with the reason.
 */
export const ssnInput = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(
    z.string().superRefine((digits, ctx) => {
      const message = ssnProblemMessage(digits);
      if (message !== null) ctx.addIssue({ code: 'custom', message });
    }),
  );

export const ssnLast4 = z.string().regex(/^\d{4}$/);

/** Shown on screen and returned by every API: `***-**-6789`. */
export const maskedSsnForm = /^\*\*\*-\*\*-\d{4}$/;
export const maskedSsn = z.string().regex(maskedSsnForm);

export const personName = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(60, 'At most 60 characters')
  // Letters of any script, spaces, apostrophes, hyphens and periods: what real names use, and nothing
  // that breaks an X12 834 (which reserves * ~ : ^).
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'Use letters, spaces, apostrophes, hyphens or periods');

export const usState = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code');
export const zip = z.string().regex(/^\d{5}(-\d{4})?$/, 'Use a 5-digit ZIP or ZIP+4');
export const phoneForm = /^\+?[0-9 ().-]{7,20}$/;
// Only a typed value reaches these checks (a blank one gets its form's "Enter …"), so the words say
// what is wrong with it and show the shape that works.
export const phone = z.string().regex(phoneForm, 'This is not a phone number: enter one like 412-555-0140');
export const email = z.email('This is not an e-mail address: enter one like name@example.com');
