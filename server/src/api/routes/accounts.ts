import type { FastifyBaseLogger } from 'fastify';
import {
  changePasswordRequest,
  changePasswordResponse,
  me,
  registerRequest,
  registerResponse,
  resendVerificationRequest,
  resendVerificationResponse,
  verifyEmailRequest,
  verifyEmailResponse,
} from '@shared/plan-api/accounts';
import type { RoutePlugin, ServiceDeps } from '../deps';
import { requireSession } from '../auth';
import { requireSessionOrEnrollment } from '../enrollment-session';
import { credentialLimit } from './limits';
import { register } from '../../services/accounts/register';
import { verifyEmail, VERIFICATION_TTL_HOURS, type IssuedVerification } from '../../services/accounts/verification';
import { resendVerification } from '../../services/accounts/resend-verification';
import { changePassword } from '../../services/accounts/change-password';
import { profileOf } from '../../services/accounts/profile';
import { maskEmail } from '../../services/accounts/mask-email';
import { verificationMail } from '../../mail/templates';
import { deliverAfterCommit } from '../../mail/deliver';

const tags = ['accounts'];

async function mailVerification(deps: ServiceDeps, user: { email: string; name: string }, issued: IssuedVerification, log: FastifyBaseLogger): Promise<void> {
  const mail = verificationMail({ to: user.email, name: user.name, code: issued.code, token: issued.token, publicUrl: deps.publicUrl(), expiresHours: VERIFICATION_TTL_HOURS });
  await deliverAfterCommit(deps.mailer, mail, log);
}

export const accountRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/accounts',
    { schema: { tags, summary: 'Register a user ID; a verification code and link go to the e-mail address.', body: registerRequest, response: { 201: registerResponse } }, config: credentialLimit(deps) },
    async (request, reply) => {
      const issued = await register(deps.db, request.body, { ip: request.ip, now: deps.now() });
      await mailVerification(deps, request.body, issued, request.log);
      return reply.code(201).send({ userId: request.body.userId, verification: { sentTo: maskEmail(request.body.email), expiresAt: issued.expiresAt.toISOString() } });
    },
  );

  app.post(
    '/accounts/verify-email',
    { schema: { tags, summary: 'Verify the e-mail address with the link token, or with the user ID and 6-digit code.', body: verifyEmailRequest, response: { 200: verifyEmailResponse } }, config: credentialLimit(deps) },
    async (request) => {
      const { token, userId, code } = request.body;
      const attempt = token !== undefined ? { token } : { userId: userId ?? '', code: code ?? '' };
      const verified = await verifyEmail(deps.db, attempt, { ip: request.ip, now: deps.now() });
      return { userId: verified, emailVerified: true as const };
    },
  );

  app.post(
    '/accounts/resend-verification',
    { schema: { tags, summary: 'Send a new verification e-mail (earlier codes stop working).', body: resendVerificationRequest, response: { 202: resendVerificationResponse } }, config: credentialLimit(deps) },
    async (request, reply) => {
      const resent = await resendVerification(deps.db, request.body.userId, { ip: request.ip, now: deps.now() });
      // Sent after answering: waiting for the mail server would make the answer for a user ID that
      // is waiting for verification measurably slower than for one that is not (or does not exist).
      if (resent) void mailVerification(deps, resent.user, resent.issued, request.log);
      return reply.code(202).send({ message: 'If this user ID is waiting for verification, a new e-mail is on its way. Codes from earlier e-mails no longer work.' });
    },
  );

  app.post(
    '/accounts/password',
    { schema: { tags, summary: 'Change the password; every other session of the user is signed out.', security: [{ bearer: [] }], body: changePasswordRequest, response: { 200: changePasswordResponse } }, config: credentialLimit(deps) },
    async (request) => {
      const identity = await requireSession(request, deps);
      const endedSessions = await changePassword(deps.db, identity, request.body, { ip: request.ip, now: deps.now() });
      return { endedSessions };
    },
  );

  app.get('/me', { schema: { tags, summary: 'The signed-in user and their groups, roles and permissions.', security: [{ bearer: [] }], response: { 200: me } } }, async (request) =>
    profileOf(deps.db, (await requireSessionOrEnrollment(request, deps)).userId),
  );
};
