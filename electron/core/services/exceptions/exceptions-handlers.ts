import { handlers } from '../../dispatch/handler-types';
import { sendExceptionRequest } from '../../plan-service/exceptions-client';

/** Requests for an exception go to the plan as the user asks them; nothing is kept on this computer. */
export const exceptionsHandlers = handlers({
  'exceptions.request': ({ groupNumber, ...body }, ctx) => sendExceptionRequest(ctx.clients.authorized(ctx.store), groupNumber, body),
});
