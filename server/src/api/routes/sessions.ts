import { signInRequest, signInResponse } from '@shared/plan-api/accounts';
import type { RoutePlugin } from '../deps';
import { requireSession } from '../auth';
import { credentialLimit } from './limits';
import { signIn } from '../../services/accounts/sign-in';
import { profileOf } from '../../services/accounts/profile';
import { revokeSession, SESSION_IDLE_MS } from '../../services/accounts/sessions';
import { recordAudit } from '../../services/audit';

const tags = ['sessions'];

export const sessionRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/sessions',
    { schema: { tags, summary: 'Sign in: returns an opaque bearer token.', body: signInRequest, response: { 201: signInResponse } }, config: credentialLimit(deps) },
    async (request, reply) => {
      const session = await signIn(deps.db, request.body, { ip: request.ip, now: deps.now() });
      const user = await profileOf(deps.db, request.body.userId);
      return reply.code(201).send({
        token: session.token,
        sessionId: session.sessionId,
        expiresAt: session.expiresAt.toISOString(),
        idleTimeoutSeconds: SESSION_IDLE_MS / 1000,
        user,
      });
    },
  );

  app.delete('/sessions/current', { schema: { tags, summary: 'Sign out: the token stops working at once.', security: [{ bearer: [] }] } }, async (request, reply) => {
    const identity = await requireSession(request, deps);
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, identity.sessionId, now);
      await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'session.revoke', target: `user:${identity.userId}`, ip: request.ip, at: now });
    });
    return reply.code(204).send();
  });
};
