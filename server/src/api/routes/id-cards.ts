import { contractErrorSchema } from '@shared/contract/errors';
import { idCardRequest, transactionAccepted } from '@shared/plan-api/eligibility';
import { requestIdCards } from '../../services/eligibility/id-cards';
import type { RoutePlugin } from '../deps';
import { acceptTransaction } from './eligibility-write';
import { groupParams } from './group-params';

export const idCardRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/groups/:groupNumber/id-card-requests',
    {
      schema: {
        summary: 'Request ID cards for up to 500 members',
        params: groupParams,
        body: idCardRequest,
        response: { 201: transactionAccepted, '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const answer = await acceptTransaction(deps, request, request.params.groupNumber, request.body, requestIdCards);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
};
