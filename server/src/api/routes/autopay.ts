import { contractErrorSchema } from '@shared/contract/errors';
import { autopayEnrollRequest, autopaySkipRequest, autopayState } from '@shared/plan-api/payments';
import { announceAutopayChange, autopayStateOf, cancelAutopay, enrollAutopay, skipAutopayInvoice } from '../../services/payments/autopay';
import { confirmPassword } from '../../services/payments/confirm-password';
import type { PaymentsEnv } from '../../services/payments/payments-env';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';
import { credentialLimit } from './limits';

const tags = ['payments'];

export const autopayRoutes: RoutePlugin = async (app, deps) => {
  const envOf = (log: PaymentsEnv['log']): PaymentsEnv => ({ db: deps.db, mailer: deps.mailer, plan: deps.billingPlan, log });

  app.get(
    '/groups/:groupNumber/autopay',
    {
      schema: {
        tags,
        summary: 'The group’s autopay: status, account (last four digits), rule, the authorization accepted, skipped invoices and the next debit; null when never enrolled.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: autopayState, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return autopayStateOf(deps.db, request.params.groupNumber, deps.now());
    },
  );

  app.put(
    '/groups/:groupNumber/autopay',
    {
      schema: {
        tags,
        summary:
          'Enroll in autopay, or change its account or rule, with the caller’s password asked again and the autopay authorization accepted (recorded with its version, who, when and from where). The group’s primary administrators are e-mailed.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: autopayEnrollRequest,
        response: { 200: autopayState, '4xx': contractErrorSchema },
      },
      config: credentialLimit(deps),
    },
    async (request) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const now = deps.now();
      await confirmPassword(deps.db, userId, request.body.password, { ip: request.ip, now });
      const { bankAccountId, rule, authorizationVersion } = request.body;
      const kind = await enrollAutopay(deps.db, groupNumber, { bankAccountId, rule, authorizationVersion }, { actorUserId: userId, sessionId, ip: request.ip }, now);
      await announceAutopayChange(envOf(request.log), groupNumber, kind, { by: userId });
      return autopayStateOf(deps.db, groupNumber, now);
    },
  );

  app.post(
    '/groups/:groupNumber/autopay/skip',
    {
      schema: {
        tags,
        summary: 'Skip autopay’s debit of one invoice, until the cut-off of its date; the primary administrators are e-mailed.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: autopaySkipRequest,
        response: { 200: autopayState, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const now = deps.now();
      await skipAutopayInvoice(deps.db, groupNumber, request.body.invoiceNumber, { actorUserId: userId, sessionId, ip: request.ip }, now);
      await announceAutopayChange(envOf(request.log), groupNumber, 'skipped', { by: userId, invoiceNumber: request.body.invoiceNumber });
      return autopayStateOf(deps.db, groupNumber, now);
    },
  );

  app.delete(
    '/groups/:groupNumber/autopay',
    {
      schema: {
        tags,
        summary: 'Cancel autopay: its scheduled debits are cancelled where their cut-off has not passed. The primary administrators are e-mailed.',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: autopayState, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const now = deps.now();
      const stopped = await cancelAutopay(deps.db, groupNumber, { actorUserId: userId, sessionId, ip: request.ip }, now);
      if (stopped !== null) await announceAutopayChange(envOf(request.log), groupNumber, 'cancelled', { by: userId });
      return autopayStateOf(deps.db, groupNumber, now);
    },
  );
};
