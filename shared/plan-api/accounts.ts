import { z } from 'zod';
import { email, groupNumber, isoInstant, personName, phone } from '../contract/schemas/primitives';
import { permissions } from '../contract/define';
import { roles } from '../contract/roles';

/**
 * Accounts and sessions of the plan service's API (/v1), shared with the desktop's sign-in screens
 * so a form and the service refuse the same input with the same words.
 */

/** Case-insensitive; stored and returned lower-case. */
export const userId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{6,32}$/, 'A user ID is 6 to 32 letters, digits, periods, underscores or hyphens')
  .transform((s) => s.toLowerCase());

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes whatever it is given; a cap keeps a megabyte "password" from costing CPU. */
export const PASSWORD_MAX_LENGTH = 128;

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const registerRequest = z
  .object({
    userId,
    password,
    name: personName,
    email: email.max(254),
    phone: phone.optional(),
  })
  .strict();
export type RegisterRequest = z.input<typeof registerRequest>;

export const verificationSent = z.object({
  /** The address, partly masked (`j***@example.com`). */
  sentTo: z.string(),
  expiresAt: isoInstant,
});

export const registerResponse = z.object({ userId: z.string(), verification: verificationSent });
export type RegisterResponse = z.infer<typeof registerResponse>;

/** Either the link's token, or the user ID with the 6-digit code from the same e-mail. */
export const verifyEmailRequest = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This verification link is malformed').optional(),
    userId: userId.optional(),
    code: z.string().regex(/^\d{6}$/, 'The code is 6 digits').optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.token !== undefined && (value.userId !== undefined || value.code !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'Send either the link token or the user ID and code, not both' });
    } else if (value.token === undefined) {
      if (value.userId === undefined) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Required with a code' });
      if (value.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Enter the 6-digit code from the e-mail' });
    }
  });
export type VerifyEmailRequest = z.input<typeof verifyEmailRequest>;

export const verifyEmailResponse = z.object({ userId: z.string(), emailVerified: z.literal(true) });

export const resendVerificationRequest = z.object({ userId }).strict();
/** The same answer whether or not the user exists or still needs verifying, so IDs cannot be probed. */
export const resendVerificationResponse = z.object({ message: z.string() });

export const membership = z.object({
  groupNumber,
  name: z.string(),
  role: z.enum(roles),
  permissions: z.array(z.enum(permissions)),
});
export type Membership = z.infer<typeof membership>;

export const me = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  emailVerified: z.boolean(),
  groups: z.array(membership),
});
export type Me = z.infer<typeof me>;

export const signInRequest = z
  .object({
    userId,
    // Length rules apply when choosing a password, not when typing it: an old account's password is checked as is.
    password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH),
    /** A remembered computer's token (two-step sign-in): with a valid one the second step is skipped. */
    deviceToken: z.string().max(300).optional(),
  })
  .strict();
export type SignInRequest = z.input<typeof signInRequest>;

export const signInResponse = z.object({
  /** Send as `Authorization: Bearer <token>`. Shown once; the service keeps only its hash. */
  token: z.string(),
  sessionId: z.string(),
  /** The latest the session can last; unused for `idleTimeoutSeconds` it ends sooner. */
  expiresAt: isoInstant,
  idleTimeoutSeconds: z.number().int().positive(),
  user: me,
  /** Set when the session reaches only two-step sign-in enrollment (the policy requires it and it is off). */
  limitedTo: z.literal('two_factor_enrollment').optional(),
  /** After the second step with "remember this computer": send it with the next sign-ins. */
  rememberedDevice: z.object({ deviceToken: z.string(), expiresAt: isoInstant }).optional(),
});
export type SignInResponse = z.infer<typeof signInResponse>;

export const changePasswordRequest = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: password }).strict();
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;

/** DELETE /v1/sessions: every other session ended, every remembered computer (two-step sign-in) forgotten. */
export const signOutEverywhereResponse = z.object({ endedSessions: z.number().int().nonnegative(), forgottenDevices: z.number().int().nonnegative() });
export type SignOutEverywhereResponse = z.infer<typeof signOutEverywhereResponse>;

export const changePasswordResponse = z.object({
  /** Other sessions of the user, signed out by the change; this one stays. */
  endedSessions: z.number().int().nonnegative(),
});

/**
 * One message of GET /v1/me/stream (SSE, `event: account`): something about the signed-in user's
 * access changed — an access request was decided, a role was granted, changed or removed — so the
 * client re-reads GET /v1/me and GET /v1/access-requests. Like the change feed's stream, it carries
 * no data a client could not read anyway.
 */
export const accountAnnouncement = z.object({ reason: z.enum(['access_request', 'role']) });
export type AccountAnnouncement = z.infer<typeof accountAnnouncement>;
