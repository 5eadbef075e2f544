import {
  confirmEnrollmentRequest,
  disableTwoFactorRequest,
  enrollmentStarted,
  recoveryCodesIssued,
  regenerateRecoveryCodesRequest,
  twoFactorStatus as twoFactorStatusSchema,
} from '@shared/plan-api/two-factor';
import type { RoutePlugin } from '../deps';
import { requireSession } from '../auth';
import { requireSessionOrEnrollment } from '../enrollment-session';
import { credentialLimit } from './limits';
import { confirmEnrollment, disableTwoFactor, regenerateRecoveryCodes, startEnrollment, twoFactorStatus } from '../../services/accounts/two-factor/enrollment';

const tags = ['two-factor'];
const security = [{ bearer: [] }];

/**
 * The signed-in user's own two-step sign-in: each route acts on the session's user only, so no user
 * can read or change another's. Enrollment is open to a session limited to it; turning it off and
 * new recovery codes need a full session.
 */
export const twoFactorRoutes: RoutePlugin = async (app, deps) => {
  app.get('/me/two-factor', { schema: { tags, summary: 'Whether two-step sign-in is on, and whether the plan requires it of this user.', security, response: { 200: twoFactorStatusSchema } } }, async (request) =>
    twoFactorStatus(deps.db, await requireSessionOrEnrollment(request, deps), deps.twoFactor.policy),
  );

  app.post(
    '/me/two-factor/enrollment',
    { schema: { tags, summary: 'A new secret, shown once, for the authenticator app; not in force until confirmed.', security, response: { 201: enrollmentStarted } }, config: credentialLimit(deps) },
    async (request, reply) => {
      const identity = await requireSessionOrEnrollment(request, deps);
      return reply.code(201).send(await startEnrollment(deps.db, deps.twoFactor, identity, { ip: request.ip, now: deps.now() }));
    },
  );

  app.post(
    '/me/two-factor/enrollment/confirm',
    { schema: { tags, summary: 'Turns two-step sign-in on with a first code; answers the ten recovery codes, shown once.', security, body: confirmEnrollmentRequest, response: { 200: recoveryCodesIssued } }, config: credentialLimit(deps) },
    async (request) => {
      const identity = await requireSessionOrEnrollment(request, deps);
      return { recoveryCodes: await confirmEnrollment(deps.db, deps.twoFactor, identity, request.body.code, { ip: request.ip, now: deps.now() }) };
    },
  );

  app.post(
    '/me/two-factor/disable',
    { schema: { tags, summary: 'Turns two-step sign-in off (password and a current code); remembered computers are forgotten.', security, body: disableTwoFactorRequest }, config: credentialLimit(deps) },
    async (request, reply) => {
      const identity = await requireSession(request, deps);
      await disableTwoFactor(deps.db, deps.twoFactor, identity, request.body, { ip: request.ip, now: deps.now() });
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/two-factor/recovery-codes',
    { schema: { tags, summary: 'Ten new recovery codes for a current code; the earlier ones stop working.', security, body: regenerateRecoveryCodesRequest, response: { 200: recoveryCodesIssued } }, config: credentialLimit(deps) },
    async (request) => {
      const identity = await requireSession(request, deps);
      return { recoveryCodes: await regenerateRecoveryCodes(deps.db, deps.twoFactor, identity, request.body.code, { ip: request.ip, now: deps.now() }) };
    },
  );
};
