import { z } from 'zod';
import { method } from '../define';
import { groupNumber } from '../schemas/primitives';
import { roles } from '../roles';
import { groupUsersResponse, invitation, invitationInput } from '../../plan-api/invitations';

/**
 * A group's users and invitations, managed by its primary administrator (users.manage). Online
 * only: the plan service does each change (and audits it) and e-mails the access codes.
 */
const invitationRef = z.object({ groupNumber, invitationId: z.number().int().positive() }).strict();
const userRef = z.object({ groupNumber, userId: z.string().min(1).max(32) });

export const usersMethods = {
  'users.list': method({
    summary: 'The group’s users with their roles, and its recent invitations (pending first).',
    permission: 'users.manage',
    input: z.object({ groupNumber }).strict(),
    output: groupUsersResponse,
  }),
  'users.invite': method({
    summary: 'Invite someone by name and e-mail with a role; the plan e-mails them a 7-day access code.',
    permission: 'users.manage',
    input: invitationInput.extend({ groupNumber }),
    output: invitation,
  }),
  'users.resendInvitation': method({
    summary: 'Mail a new access code for a pending or expired invitation (the old code stops working; 7 more days).',
    permission: 'users.manage',
    input: invitationRef,
    output: invitation,
  }),
  'users.revokeInvitation': method({
    summary: 'Withdraw a pending invitation; its code stops working.',
    permission: 'users.manage',
    input: invitationRef,
    output: invitation,
  }),
  'users.changeRole': method({
    summary: 'Give a user of the group another role (a group always keeps a primary administrator).',
    permission: 'users.manage',
    input: userRef.extend({ role: z.enum(roles) }).strict(),
    output: groupUsersResponse,
  }),
  'users.remove': method({
    summary: 'Take a user’s access to the group away (a group always keeps a primary administrator).',
    permission: 'users.manage',
    input: userRef.strict(),
    output: groupUsersResponse,
  }),
} as const;
