import { z } from 'zod';
import { isoInstant } from '../contract/schemas/primitives';
import { PASSWORD_MAX_LENGTH } from './accounts';

/**
 * Two-step sign-in on the plan service's API (/v1): the authenticator app's 6-digit code (TOTP,
 * RFC 6238), single-use recovery codes, and remembered computers. Shared with the desktop so its
 * forms refuse the same input with the same words.
 */

/** What the plan service asks of its users: everyone may turn it on; with `required-for-admins`, primary administrators and billing users must. */
export const twoFactorPolicies = ['required-for-admins', 'optional'] as const;
export type TwoFactorPolicy = (typeof twoFactorPolicies)[number];

/** Spaces and hyphens a person may type are dropped; what is left is six digits. */
export const totpCode = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'The code is the 6 digits your authenticator app shows'));

/** Ten characters from the recovery-code alphabet, typed with or without the hyphen, in any case. */
export const RECOVERY_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const recoveryCode = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[2-9a-hjkmnp-z]{10}$/, 'A recovery code is 10 letters and digits, such as 4kq7x-2m9pa'));

/** The first answer to a sign-in of a user with two-step sign-in on, from a computer not remembered. */
export const secondFactorChallenge = z.object({
  secondFactorRequired: z.literal(true),
  /** Send back with the code; it works for a few minutes, once. */
  challenge: z.string(),
  expiresAt: isoInstant,
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallenge>;

export const deviceToken = z.string().regex(/^v1\.[A-Za-z0-9_-]{10,100}\.\d{1,12}\.[A-Za-z0-9_-]{20,100}$/, 'This remembered-computer token is malformed');

/** A second step carries the authenticator's code or a recovery code, never both or neither. */
export function oneSecondFactor(value: { code?: string; recoveryCode?: string }, ctx: z.RefinementCtx): void {
  if ((value.code === undefined) === (value.recoveryCode === undefined)) {
    ctx.addIssue({ code: 'custom', path: [value.recoveryCode === undefined ? 'code' : 'recoveryCode'], message: 'Enter either the 6-digit code or a recovery code' });
  }
}

export const secondFactorRequest = z
  .object({
    challenge: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This sign-in has expired; sign in again'),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
    /** Issue a token that spares this computer the second step for 30 days. */
    rememberDevice: z.boolean().default(false),
  })
  .strict()
  .superRefine(oneSecondFactor);
export type SecondFactorRequest = z.input<typeof secondFactorRequest>;

export const rememberedDevice = z.object({ deviceToken, expiresAt: isoInstant });
export type RememberedDevice = z.infer<typeof rememberedDevice>;

export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  /** The plan service's policy requires it of this user (their role somewhere is primary administrator or billing). */
  required: z.boolean(),
  policy: z.enum(twoFactorPolicies),
  /** Recovery codes not used yet (0 while off). */
  recoveryCodesLeft: z.number().int().nonnegative(),
  /** This session reaches only enrollment until it is turned on. */
  sessionLimited: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

/** The secret, shown once: the authenticator scans the URI as a QR code or the user types the secret. */
export const enrollmentStarted = z.object({
  /** Base32 (RFC 4648), no padding. */
  secret: z.string(),
  otpauthUri: z.string(),
});
export type EnrollmentStarted = z.infer<typeof enrollmentStarted>;

export const confirmEnrollmentRequest = z.object({ code: totpCode }).strict();
export type ConfirmEnrollmentRequest = z.input<typeof confirmEnrollmentRequest>;

/** Ten codes, shown once: the service keeps only their hashes. */
export const recoveryCodesIssued = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type RecoveryCodesIssued = z.infer<typeof recoveryCodesIssued>;

export const disableTwoFactorRequest = z.object({ password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH), code: totpCode }).strict();
export type DisableTwoFactorRequest = z.input<typeof disableTwoFactorRequest>;

export const regenerateRecoveryCodesRequest = z.object({ code: totpCode }).strict();
export type RegenerateRecoveryCodesRequest = z.input<typeof regenerateRecoveryCodesRequest>;

/** What a session limited to enrollment is told on every other route (403). */
export const TWO_FACTOR_ENROLLMENT_REQUIRED = 'Turn on two-step sign-in first: your role requires it. Until then this session can only set it up or sign out.';
