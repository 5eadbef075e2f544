import { z } from 'zod';
import { groupNumber } from '@shared/contract/schemas/primitives';
import { invitation, invitationInput, redeemRequest, redeemResponse } from '@shared/plan-api/invitations';
import { deliverAfterCommit } from '../../mail/deliver';
import { inviteUser } from '../../services/invitations/invite';
import { redeemAccessCode } from '../../services/invitations/redeem';
import { resendInvitation } from '../../services/invitations/resend';
import { revokeInvitation } from '../../services/invitations/revoke';
import { requireGroupPermission, requireSession } from '../auth';
import type { RoutePlugin } from '../deps';
import { credentialLimit } from './limits';
import { groupParams } from './group-params';

const tags = ['invitations'];
const invitationParams = z.object({ groupNumber, id: z.coerce.number().int().positive() }).strict();

/**
 * Additional users (account access): a primary administrator invites by e-mail, resends
 * or revokes; the invited person, signed in with their own account, redeems the mailed code.
 */
export const invitationRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/groups/:groupNumber/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone to the group with a role; an access code (7 days, single use) is e-mailed to them (primary administrators only).',
        security: [{ bearer: [] }],
        params: groupParams,
        body: invitationInput,
        response: { 201: invitation },
      },
    },
    async (request, reply) => {
      const identity = await requireGroupPermission(request, deps, request.params.groupNumber, 'users.manage');
      const actor = { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip };
      const sent = await inviteUser(deps.db, request.params.groupNumber, request.body, actor, { now: deps.now(), publicUrl: deps.publicUrl() });
      await deliverAfterCommit(deps.mailer, sent.mail, request.log);
      return reply.code(201).send(sent.invitation);
    },
  );

  app.post(
    '/groups/:groupNumber/invitations/:id/resend',
    {
      schema: {
        tags,
        summary: 'Send a pending or expired invitation again: a new code and 7 new days; the old code stops working.',
        security: [{ bearer: [] }],
        params: invitationParams,
        response: { 200: invitation },
      },
    },
    async (request) => {
      const { groupNumber: group, id } = request.params;
      const identity = await requireGroupPermission(request, deps, group, 'users.manage');
      const actor = { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip };
      const sent = await resendInvitation(deps.db, group, id, actor, { now: deps.now(), publicUrl: deps.publicUrl() });
      await deliverAfterCommit(deps.mailer, sent.mail, request.log);
      return sent.invitation;
    },
  );

  app.delete(
    '/groups/:groupNumber/invitations/:id',
    {
      schema: { tags, summary: 'Revoke an invitation: its code stops working.', security: [{ bearer: [] }], params: invitationParams, response: { 200: invitation } },
    },
    async (request) => {
      const { groupNumber: group, id } = request.params;
      const identity = await requireGroupPermission(request, deps, group, 'users.manage');
      return revokeInvitation(deps.db, group, id, { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip }, deps.now());
    },
  );

  app.post(
    '/invitations/redeem',
    {
      schema: {
        tags,
        summary: 'Enter an access code from an invitation e-mail: the signed-in user gains the invited role in the group. Wrong codes are limited.',
        security: [{ bearer: [] }],
        body: redeemRequest,
        response: { 200: redeemResponse },
      },
      config: credentialLimit(deps),
    },
    async (request) => {
      const identity = await requireSession(request, deps);
      return redeemAccessCode(deps.db, request.body.code, { actorUserId: identity.userId, sessionId: identity.sessionId, ip: request.ip }, deps.now());
    },
  );
};
