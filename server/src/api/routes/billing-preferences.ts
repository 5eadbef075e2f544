import { contractErrorSchema } from '@shared/contract/errors';
import { billingPreferences, billingPreferencesUpdate } from '@shared/plan-api/billing-preferences';
import { billingPreferencesOf, changeBillingPreferences } from '../../services/billing/billing-preferences';
import { billingPreferencesChangedMail } from '../../mail/billing-preferences-changed-mail';
import { deliverAfterCommit } from '../../mail/deliver';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

const tags = ['invoices'];

export const billingPreferenceRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber/billing-preferences',
    {
      schema: {
        tags,
        summary: 'Whether the group’s invoices are paperless or on paper, and who gets the new-invoice e-mail (null: primary administrators and billing users).',
        params: groupParams,
        security: [{ bearer: [] }],
        response: { 200: billingPreferences, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      await requireGroupPermission(request, deps, request.params.groupNumber, 'billing.read');
      return billingPreferencesOf(deps.db, request.params.groupNumber);
    },
  );

  app.put(
    '/groups/:groupNumber/billing-preferences',
    {
      schema: {
        tags,
        summary: 'Replace the group’s billing preferences (paperless, notice recipients); recorded with who and when, and the group’s primary administrators are e-mailed.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: billingPreferencesUpdate,
        response: { 200: billingPreferences, '4xx': contractErrorSchema },
      },
    },
    async (request) => {
      const { groupNumber } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, groupNumber, 'billing.write');
      const at = deps.now();
      const changed = await changeBillingPreferences(deps.db, groupNumber, request.body, { actorUserId: userId, sessionId, ip: request.ip }, at);
      for (const admin of changed.primaryAdmins) {
        const mail = billingPreferencesChangedMail({
          to: admin.email,
          name: admin.name,
          groupNumber,
          companyName: changed.groupName,
          changedBy: changed.changedBy,
          paperless: changed.preferences.paperless,
          noticeRecipients: changed.preferences.noticeRecipients,
          at: at.toISOString(),
        });
        await deliverAfterCommit(deps.mailer, mail, request.log);
      }
      return changed.preferences;
    },
  );
};
