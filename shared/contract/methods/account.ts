import { z } from 'zod';
import { method } from '../define';
import { isoInstant } from '../schemas/primitives';
import { password, registerRequest, userId } from '../../plan-api/accounts';
import { accessRequest, accessRequestInput } from '../../plan-api/access-requests';
import { accessCode, redeemResponse } from '../../plan-api/invitations';
import { serviceUrl } from '../schemas/service-url';

/**
 * A user's own account at the plan service, from the desktop: registration and e-mail verification
 * (before any session), password changes, requests to become a primary administrator, and access
 * codes. These need the plan service: offline they answer OFFLINE and change nothing here.
 */

const verifyByCode = z.object({ serviceUrl, userId, code: z.string().trim().regex(/^\d{6}$/, 'The code is 6 digits') }).strict();
/** The e-mail's link, or just its token: `…/verify?token=…` and `groupdesk://verify?token=…` both work. */
const verifyByLink = z.object({ serviceUrl, link: z.string().trim().min(20, 'Paste the whole link from the e-mail').max(2000) }).strict();

export const pendingVerification = z.object({
  serviceUrl: z.string(),
  userId: z.string(),
  /** The masked address the code went to. */
  sentTo: z.string(),
  expiresAt: isoInstant,
});
export type PendingVerification = z.infer<typeof pendingVerification>;

export const accessOverview = z.object({
  /** The signed-in user's requests, newest first (kept here too, so they show offline). */
  requests: z.array(accessRequest),
  /** When they were last read from the plan service; null if never. */
  refreshedAt: isoInstant.nullable(),
});
export type AccessOverview = z.infer<typeof accessOverview>;

export const accountMethods = {
  'account.register': method({
    summary: 'Create a user ID at the plan service; a code and a link to verify the e-mail address are mailed.',
    permission: 'none',
    input: registerRequest.extend({ serviceUrl }),
    output: pendingVerification,
  }),
  'account.verifyEmail': method({
    summary: 'Verify the e-mail address with the mailed 6-digit code, or with the link (pasted or opened as groupdesk://verify).',
    permission: 'none',
    input: z.union([verifyByCode, verifyByLink]),
    output: z.object({ userId: z.string() }),
  }),
  'account.resendVerification': method({
    summary: 'Mail a new verification code and link; earlier ones stop working.',
    permission: 'none',
    input: z.object({ serviceUrl, userId }).strict(),
    output: z.object({ message: z.string() }),
  }),
  'account.cancelVerification': method({
    summary: 'Forget the registration waiting for verification on this computer (the user ID stays at the plan).',
    permission: 'none',
    input: z.object({}).strict(),
    output: z.object({}),
  }),
  'account.changePassword': method({
    summary: 'Change the password; the plan service signs out every other session of the user.',
    permission: 'none',
    input: z.object({ currentPassword: z.string().min(1, 'Enter your current password').max(128), newPassword: password }).strict(),
    output: z.object({ endedSessions: z.number().int().nonnegative() }),
  }),
  'access.overview': method({
    summary: 'The signed-in user’s primary-administrator requests and their status.',
    permission: 'none',
    input: z.object({}).strict(),
    output: accessOverview,
  }),
  'access.request': method({
    summary: 'Ask to become a group’s primary administrator; answers with a confirmation number and the expected completion date.',
    permission: 'none',
    input: accessRequestInput,
    output: accessRequest,
  }),
  'access.redeemCode': method({
    summary: 'Enter an e-mailed access code to join the group it was sent for.',
    permission: 'none',
    input: z.object({ code: accessCode }).strict(),
    output: redeemResponse,
  }),
} as const;
