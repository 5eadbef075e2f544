import { signInRequest, signInResponse, signOutEverywhereResponse } from '@shared/plan-api/accounts';
import { secondFactorChallenge, secondFactorRequest } from '@shared/plan-api/two-factor';
import type { RoutePlugin, ServiceDeps } from '../deps';
import { requireSession } from '../auth';
import { requireSessionOrEnrollment } from '../enrollment-session';
import { credentialLimit } from './limits';
import { completeSecondFactor, signIn, type OpenedSession } from '../../services/accounts/sign-in';
import { profileOf } from '../../services/accounts/profile';
import { revokeOtherSessions, revokeSession, SESSION_IDLE_MS } from '../../services/accounts/sessions';
import { forgetDevices } from '../../services/accounts/two-factor/device-tokens';
import { recordAudit } from '../../services/audit';

const tags = ['sessions'];

async function sessionAnswer(deps: ServiceDeps, userId: string, session: OpenedSession, rememberedDevice?: { deviceToken: string; expiresAt: Date }) {
  return {
    token: session.token,
    sessionId: session.sessionId,
    expiresAt: session.expiresAt.toISOString(),
    idleTimeoutSeconds: SESSION_IDLE_MS / 1000,
    user: await profileOf(deps.db, userId),
    ...(session.limitedTo ? { limitedTo: session.limitedTo } : {}),
    ...(rememberedDevice ? { rememberedDevice: { deviceToken: rememberedDevice.deviceToken, expiresAt: rememberedDevice.expiresAt.toISOString() } } : {}),
  };
}

export const sessionRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'Sign in: returns an opaque bearer token (201), or a challenge for the second step of two-step sign-in (202).',
        body: signInRequest,
        response: { 201: signInResponse, 202: secondFactorChallenge },
      },
      config: credentialLimit(deps),
    },
    async (request, reply) => {
      const outcome = await signIn(deps.db, deps.twoFactor, request.body, { ip: request.ip, now: deps.now() });
      if ('challenge' in outcome) return reply.code(202).send({ secondFactorRequired: true as const, challenge: outcome.challenge, expiresAt: outcome.expiresAt.toISOString() });
      return reply.code(201).send(await sessionAnswer(deps, request.body.userId, outcome.session));
    },
  );

  app.post(
    '/sessions/second-factor',
    {
      schema: { tags, summary: 'The second step of two-step sign-in: the challenge with a current code or an unused recovery code.', body: secondFactorRequest, response: { 201: signInResponse } },
      config: credentialLimit(deps),
    },
    async (request, reply) => {
      const { challenge, code, recoveryCode, rememberDevice } = request.body;
      const factor = code !== undefined ? { code } : { recoveryCode: recoveryCode ?? '' };
      const opened = await completeSecondFactor(deps.db, deps.twoFactor, { challenge, factor, rememberDevice }, { ip: request.ip, now: deps.now() });
      return reply.code(201).send(await sessionAnswer(deps, opened.userId, opened.session, opened.rememberedDevice));
    },
  );

  app.delete('/sessions/current', { schema: { tags, summary: 'Sign out: the token stops working at once.', security: [{ bearer: [] }] } }, async (request, reply) => {
    const identity = await requireSessionOrEnrollment(request, deps);
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, identity.sessionId, now);
      await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'session.revoke', target: `user:${identity.userId}`, ip: request.ip, at: now });
    });
    return reply.code(204).send();
  });

  app.delete(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'Sign out everywhere: every other session ends and every remembered computer must pass the second step again; this session stays.',
        security: [{ bearer: [] }],
        response: { 200: signOutEverywhereResponse },
      },
    },
    async (request) => {
      const identity = await requireSession(request, deps);
      const now = deps.now();
      return deps.db.transaction(async (tx) => {
        const endedSessions = await revokeOtherSessions(tx, identity.userId, identity.sessionId, now);
        const forgottenDevices = await forgetDevices(tx, identity.userId, now);
        await recordAudit(tx, { actorUserId: identity.userId, sessionId: identity.sessionId, action: 'session.revoke_all', target: `user:${identity.userId}`, detail: { endedSessions, forgottenDevices }, ip: request.ip, at: now });
        return { endedSessions, forgottenDevices };
      });
    },
  );
};
