import { contractErrorSchema } from '@shared/contract/errors';
import { group as groupSchema } from '@shared/contract/schemas/group';
import { groupCounts } from '@shared/plan-api/members';
import { membershipCounts } from '../../services/eligibility/counts';
import { loadGroupRules } from '../../services/eligibility/context';
import { loadGroup } from '../../services/eligibility/group-detail';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

/** The group itself (policy and plans) and its live membership counts, which only roles that read members see. */
export const countRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber',
    {
      schema: {
        summary: 'A group with its address, policy values, plans with rates and cost sharing, the plan’s contacts (member services, billing team, account setup) and its X12 identity',
        params: groupParams,
        response: { 200: groupSchema, '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      // Every role of the group: the name, address and plans with rates name no member, and the
      // desktop reads them for each of the user's groups, a billing user's too (invoices bill those rates).
      await requireGroupPermission(request, deps, request.params.groupNumber, 'none');
      // One plan runs the service: its member services line is every group's, for their ID cards.
      // The plan's X12 identity addresses the 834 a group downloads of its roster.
      const { senderId, usage, payee } = deps.ach.remittance;
      return {
        ...(await loadGroup(deps.db, request.params.groupNumber)),
        memberServicesPhone: deps.billingPlan.memberServicesPhone,
        // Who the group calls: about invoices (the billing team) and about signing up and access.
        serviceTeam: deps.billingPlan.serviceTeam,
        ...(deps.billingPlan.accountSetupPhone ? { accountSetupPhone: deps.billingPlan.accountSetupPhone } : {}),
        enrollmentPartner: { x12Id: senderId, name: payee.name, taxId: payee.taxId, usage },
      };
    },
  );

  app.get(
    '/groups/:groupNumber/counts',
    {
      schema: {
        summary: 'Membership counts by status, plan, tier and relationship, as of now',
        params: groupParams,
        response: { 200: groupCounts, '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { groupNumber: group } = request.params;
      await requireGroupPermission(request, deps, group, 'members.read');
      const rules = await loadGroupRules(deps.db, group);
      return membershipCounts(deps.db, group, rules.planNames, deps.now());
    },
  );
};
