import { z } from 'zod';
import { method } from '../define';
import { PASSWORD_MAX_LENGTH } from '../../plan-api/accounts';
import { oneSecondFactor, recoveryCode, totpCode, twoFactorStatus } from '../../plan-api/two-factor';

/** Setting up, turning off and renewing two-step sign-in at the plan service, from Settings → Security (docs/security.md#two-step-sign-in). */

export const twoFactorEnrollment = z.object({
  /** The secret in groups of four, to type into an authenticator app that cannot scan. Shown once. */
  secretGroups: z.array(z.string()),
  /** The QR code of the otpauth URI, as an SVG document. */
  qrSvg: z.string(),
});
export type TwoFactorEnrollment = z.infer<typeof twoFactorEnrollment>;

export const recoveryCodeList = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodeList = z.infer<typeof recoveryCodeList>;

/** The second step of a sign-in: the authenticator's code or a recovery code. */
export const secondFactorInput = z
  .object({
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
    rememberDevice: z.boolean().default(false),
  })
  .strict()
  .superRefine(oneSecondFactor);

export const twoFactorMethods = {
  'twoFactor.status': method({ summary: 'Whether two-step sign-in is on for the signed-in user, and whether the plan requires it.', permission: 'none', input: z.object({}).strict(), output: twoFactorStatus }),
  'twoFactor.start': method({
    summary: 'A new secret for an authenticator app (QR code and typed form), not in force until a first code confirms it.',
    permission: 'none',
    input: z.object({}).strict(),
    output: twoFactorEnrollment,
  }),
  'twoFactor.confirm': method({
    summary: 'Turn two-step sign-in on with the first code; answers the ten recovery codes, shown once.',
    permission: 'none',
    input: z.object({ code: totpCode }).strict(),
    output: recoveryCodeList,
  }),
  'twoFactor.disable': method({
    summary: 'Turn two-step sign-in off with the password and a current code; remembered computers are forgotten.',
    permission: 'none',
    input: z.object({ password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH), code: totpCode }).strict(),
    output: twoFactorStatus,
  }),
  'twoFactor.regenerateRecoveryCodes': method({
    summary: 'Ten new recovery codes for a current code; the earlier ones stop working.',
    permission: 'none',
    input: z.object({ code: totpCode }).strict(),
    output: recoveryCodeList,
  }),
} as const;
