import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ContractFailure, contractErrorSchema } from '@shared/contract/errors';
import { groupNumber, memberId } from '@shared/contract/schemas/primitives';
import { memberList, memberListQuery, memberView } from '@shared/plan-api/members';
import { todayOf } from '../../services/eligibility/context';
import { memberViews, memberViewsById } from '../../services/eligibility/member-views';
import { findMemberIds } from '../../services/eligibility/roster-query';
import { members } from '../../store/schema';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

/** The roster as the plan holds it, read-only, with SSNs masked. */
export const memberRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    '/groups/:groupNumber/members',
    {
      schema: {
        summary: 'Members of a group, filtered and paged in member ID order',
        params: groupParams,
        querystring: memberListQuery,
        response: { 200: memberList, '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { groupNumber: group } = request.params;
      await requireGroupPermission(request, deps, group, 'members.read');
      const today = todayOf(deps);
      const page = await findMemberIds(deps.db, group, request.query, today);
      return { total: page.total, offset: request.query.offset, members: await memberViewsById(deps.db, page.memberIds, today) };
    },
  );

  app.get(
    '/groups/:groupNumber/members/:memberId',
    {
      schema: {
        summary: 'One member with coverage history',
        params: z.object({ groupNumber, memberId }).strict(),
        response: { 200: memberView, '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { groupNumber: group, memberId: id } = request.params;
      await requireGroupPermission(request, deps, group, 'members.read');
      const rows = await deps.db
        .select()
        .from(members)
        .where(and(eq(members.groupNumber, group), eq(members.memberId, id)));
      const [view] = await memberViews(deps.db, rows, todayOf(deps));
      if (!view) throw new ContractFailure('NOT_FOUND', `Member ${id} is not in group ${group}.`);
      return view;
    },
  );
};
