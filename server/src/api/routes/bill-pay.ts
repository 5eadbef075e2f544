import { contractErrorSchema } from '@shared/contract/errors';
import { billingSummary, billPaySignUpRequest, billPaySignUpResponse, termsAcceptanceRequest, termsAcceptanceStatus, termsOfService } from '@shared/plan-api/bill-pay';
import { billingSummaryOf } from '../../services/billing/invoice-views';
import { signUpForBillPay } from '../../services/billing/sign-up';
import { currentTerms } from '../../services/billing/terms';
import { acceptTerms, termsAcceptanceOf } from '../../services/billing/terms-acceptance';
import { billPayUserAddedMail } from '../../mail/bill-pay-user-added-mail';
import { deliverAfterCommit } from '../../mail/deliver';
import { billPaySignUpMail } from '../../mail/templates';
import { requireGroupPermission, requireSession } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';
import { credentialLimit } from './limits';

const tags = ['bill pay'];

export const billPayRoutes: RoutePlugin = async (app, deps) => {
  app.get('/bill-pay/terms', { schema: { tags, summary: 'The Bill Pay terms of service in force; a sign-up must name their version.', response: { 200: termsOfService } } }, () => currentTerms);

  app.post(
    '/bill-pay/sign-ups',
    {
      schema: {
        tags,
        summary: 'Join a group as a billing user with the group number and the latest invoice’s number and amount, accepting the current terms; the group’s primary administrators are e-mailed.',
        security: [{ bearer: [] }],
        body: billPaySignUpRequest,
        response: { 201: billPaySignUpResponse, '4xx': contractErrorSchema },
      },
      // Proofs are guessable numbers: the per-address budget of credential routes, beside the per-user throttle.
      config: credentialLimit(deps),
    },
    async (request, reply) => {
      const identity = await requireSession(request, deps);
      const { response, user, primaryAdmins } = await signUpForBillPay(deps.db, request.body, { ...identity, ip: request.ip }, deps.now());
      const mail = billPaySignUpMail({ to: user.email, name: user.name, groupNumber: response.groupNumber, companyName: response.name, termsVersion: response.termsVersion, acceptedAt: response.acceptedAt });
      await deliverAfterCommit(deps.mailer, mail, request.log);
      for (const admin of primaryAdmins) {
        const notice = billPayUserAddedMail({ to: admin.email, name: admin.name, groupNumber: response.groupNumber, companyName: response.name, newUser: user, at: response.acceptedAt });
        await deliverAfterCommit(deps.mailer, notice, request.log);
      }
      return reply.code(201).send(response);
    },
  );

  app.get(
    '/groups/:groupNumber/bill-pay/terms-acceptance',
    {
      schema: {
        tags,
        summary: 'Which Bill Pay terms the signed-in user accepted for the group, and whether they must accept the version in force.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: termsAcceptanceStatus, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { userId, role } = await requireGroupPermission(request, deps, request.params.groupNumber, 'none');
      return termsAcceptanceOf(deps.db, userId, request.params.groupNumber, role);
    },
  );

  app.post(
    '/groups/:groupNumber/bill-pay/terms-acceptance',
    {
      schema: {
        tags,
        summary: 'Accept the Bill Pay terms in force for the group (version as shown); kept with the time, replacing an older acceptance.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: termsAcceptanceRequest,
        response: { 200: termsAcceptanceStatus, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { userId, sessionId, role } = await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.write');
      return acceptTerms(deps.db, { userId, sessionId, groupNumber: request.params.groupNumber, ip: request.ip, termsVersion: request.body.termsVersion, role }, deps.now());
    },
  );

  app.get(
    '/groups/:groupNumber/billing-summary',
    {
      schema: {
        tags,
        summary: 'The group’s open balance and its latest invoice',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: billingSummary, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return billingSummaryOf(deps.db, request.params.groupNumber);
    },
  );
};
