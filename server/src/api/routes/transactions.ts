import { contractErrorSchema } from '@shared/contract/errors';
import {
  addDependentRequest,
  enrollRequest,
  reinstateRequest,
  terminateRequest,
  transactionAccepted,
  updateDemographicsRequest,
} from '@shared/plan-api/eligibility';
import { addDependent } from '../../services/eligibility/add-dependent';
import { enrollSubscriber } from '../../services/eligibility/enroll';
import { reinstateMember } from '../../services/eligibility/reinstate';
import { terminateMember } from '../../services/eligibility/terminate';
import { updateDemographics } from '../../services/eligibility/update-demographics';
import type { RoutePlugin } from '../deps';
import { acceptInlineTransaction, acceptTransaction } from './eligibility-write';
import { groupParams } from './group-params';

const responses = { 201: transactionAccepted, '4xx': contractErrorSchema };
const headers = { security: [{ bearer: [] }] };

/** The eligibility transactions the desktop's outbox sends (shared/plan-api/eligibility.ts). */
export const transactionRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/groups/:groupNumber/enrollments',
    { schema: { summary: 'Enroll a subscriber with dependents', params: groupParams, body: enrollRequest, response: responses, ...headers } },
    async (request, reply) => {
      const answer = await acceptInlineTransaction(deps, request, request.params.groupNumber, request.body, enrollSubscriber);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
  app.post(
    '/groups/:groupNumber/dependents',
    { schema: { summary: 'Add a dependent for a qualifying event', params: groupParams, body: addDependentRequest, response: responses, ...headers } },
    async (request, reply) => {
      const answer = await acceptTransaction(deps, request, request.params.groupNumber, request.body, addDependent);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
  app.post(
    '/groups/:groupNumber/terminations',
    { schema: { summary: 'Terminate a member (a subscriber with the family)', params: groupParams, body: terminateRequest, response: responses, ...headers } },
    async (request, reply) => {
      const answer = await acceptTransaction(deps, request, request.params.groupNumber, request.body, terminateMember);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
  app.post(
    '/groups/:groupNumber/reinstatements',
    { schema: { summary: 'Reinstate a terminated member', params: groupParams, body: reinstateRequest, response: responses, ...headers } },
    async (request, reply) => {
      const answer = await acceptTransaction(deps, request, request.params.groupNumber, request.body, reinstateMember);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
  app.post(
    '/groups/:groupNumber/demographics',
    { schema: { summary: "Update or correct a member's demographics", params: groupParams, body: updateDemographicsRequest, response: responses, ...headers } },
    async (request, reply) => {
      const answer = await acceptTransaction(deps, request, request.params.groupNumber, request.body, updateDemographics);
      return reply.code(answer.status).send(answer.body as never);
    },
  );
};
