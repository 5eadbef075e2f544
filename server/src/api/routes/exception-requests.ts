import { contractErrorSchema } from '@shared/contract/errors';
import { exceptionRequest, exceptionRequestBody } from '@shared/plan-api/exception-requests';
import { requestException } from '../../services/exceptions/request-exception';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './group-params';

export const exceptionRequestRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/groups/:groupNumber/exception-requests',
    {
      schema: {
        tags: ['eligibility'],
        summary:
          'Ask the plan for an exception to a rule that refused a change (a qualifying event reported after its window), with a note. Those who may make the change (members.write) may ask; answered with the reference number plan staff know it by.',
        params: groupParams,
        security: [{ bearer: [] }],
        body: exceptionRequestBody,
        response: { 201: exceptionRequest, '4xx': contractErrorSchema },
      },
    },
    async (request, reply) => {
      const { groupNumber: group } = request.params;
      const { userId, sessionId } = await requireGroupPermission(request, deps, group, 'members.write');
      const recorded = await requestException(deps.db, group, request.body, { actorUserId: userId, sessionId, ip: request.ip }, deps.now());
      return reply.code(201).send(recorded);
    },
  );
};
