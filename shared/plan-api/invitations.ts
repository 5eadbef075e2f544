import { z } from 'zod';
import { email, groupNumber, isoInstant, personName } from '../contract/schemas/primitives';
import { roles } from '../contract/roles';

/**
 * Additional users of a group (account access): a primary administrator invites someone
 * by name and e-mail with a role; the service e-mails an access code (single use, 7 days, stored
 * only as a hash); the invited person signs in with their own user ID and enters the code.
 */

/** Roles a primary administrator can give; primary administrator itself comes only from an approved access request. */
export const invitableRoles = ['admin', 'billing', 'read_only'] as const;
export const invitableRole = z.enum(invitableRoles);
export type InvitableRole = z.infer<typeof invitableRole>;

export const INVITATION_TTL_DAYS = 7;
/** Wrong codes a user may enter in ACCESS_CODE_WINDOW_MINUTES before code entry is locked for as long. */
export const ACCESS_CODE_ATTEMPTS = 5;
export const ACCESS_CODE_WINDOW_MINUTES = 15;

/**
 * Crockford base32 without I, L, O, U: 12 characters (60 bits) shown as `ABCD-EFGH-JKMN`. Typed
 * codes are forgiving: case, spaces and hyphens are ignored, and O, I and L read as 0, 1 and 1.
 */
export const ACCESS_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const normalizeAccessCode = (typed: string): string =>
  typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
export const formatAccessCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

export const accessCode = z
  .string()
  .trim()
  .transform(normalizeAccessCode)
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'An access code is 12 letters and digits, like ABCD-EFGH-JKMN'));

export const invitationInput = z
  .object({
    name: personName,
    email: email.max(254),
    role: invitableRole,
  })
  .strict();
export type InvitationInput = z.input<typeof invitationInput>;

export const invitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof invitationStatus>;

export const invitation = z.object({
  id: z.number().int().positive(),
  groupNumber,
  name: z.string(),
  email: z.string(),
  role: invitableRole,
  status: invitationStatus,
  invitedBy: z.string(),
  createdAt: isoInstant,
  /** When the code was last (re)sent. */
  sentAt: isoInstant,
  expiresAt: isoInstant,
  acceptedBy: z.string().nullable(),
  acceptedAt: isoInstant.nullable(),
});
export type Invitation = z.infer<typeof invitation>;

export const groupUser = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  grantedAt: isoInstant,
  grantedBy: z.string(),
});
export type GroupUser = z.infer<typeof groupUser>;

/** GET /v1/groups/:groupNumber/users: the group's users, and its invitations of the last 30 days (pending first). */
export const groupUsersResponse = z.object({ users: z.array(groupUser), invitations: z.array(invitation) });
export type GroupUsersResponse = z.infer<typeof groupUsersResponse>;

export const changeRoleRequest = z.object({ role: z.enum(roles) }).strict();

export const redeemRequest = z.object({ code: accessCode }).strict();
/** What the code opened: the group and the role now held in it. */
export const redeemResponse = z.object({ groupNumber, name: z.string(), role: z.enum(roles) });
export type RedeemResponse = z.infer<typeof redeemResponse>;
