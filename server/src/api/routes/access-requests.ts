import { eq } from 'drizzle-orm';
import { accessRequest, accessRequestInput, accessRequestList, type AccessRequest } from '@shared/plan-api/access-requests';
import type { RoutePlugin } from '../deps';
import { requireSession } from '../auth';
import { users } from '../../store/schema';
import { submitAccessRequest } from '../../services/access-requests/submit';
import { requestsOf } from '../../services/access-requests/views';
import { idempotencyKeyOf, requestHashOf, withIdempotency } from '../../services/idempotency';
import { accessRequestReceivedMail } from '../../mail/templates';
import { deliverAfterCommit } from '../../mail/deliver';

const tags = ['access requests'];

export const accessRequestRoutes: RoutePlugin = async (app, deps) => {
  app.post(
    '/access-requests',
    {
      schema: {
        tags,
        summary: 'Ask to become a group’s primary administrator; answers with a confirmation number and the expected completion date. Send an Idempotency-Key to retry safely.',
        security: [{ bearer: [] }],
        body: accessRequestInput,
        response: { 201: accessRequest },
      },
    },
    async (request, reply) => {
      const identity = await requireSession(request, deps);
      const now = deps.now();
      const actor = { ...identity, ip: request.ip };
      const key = idempotencyKeyOf(request);
      let filed: AccessRequest | undefined;
      const submit = async (tx: typeof deps.db) => {
        filed = await submitAccessRequest(tx, request.body, actor, now);
        return { status: 201, body: filed };
      };
      const answer = key
        ? await withIdempotency(deps.db, { userId: identity.userId, key, requestHash: requestHashOf('POST /v1/access-requests', request.body) }, submit)
        : await deps.db.transaction(submit);
      // Only a request filed now is acknowledged; a replayed answer was acknowledged the first time.
      if (filed) {
        const [user] = await deps.db.select().from(users).where(eq(users.userId, identity.userId)).limit(1);
        if (user) {
          const mail = accessRequestReceivedMail({ to: user.email, name: user.name, groupNumber: filed.groupNumber, confirmationNumber: filed.confirmationNumber, expectedCompletion: filed.expectedCompletion });
          await deliverAfterCommit(deps.mailer, mail, request.log);
        }
      }
      // Filing answers 201 only (refusals throw and are not stored), so a replay is a 201 too.
      return reply.code(201).send(answer.body as AccessRequest);
    },
  );

  app.get('/access-requests', { schema: { tags, summary: 'The signed-in user’s access requests and their status, newest first.', security: [{ bearer: [] }], response: { 200: accessRequestList } } }, async (request) => ({
    requests: await requestsOf(deps.db, (await requireSession(request, deps)).userId),
  }));
};
