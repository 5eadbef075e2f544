import type { FastifyRequest } from 'fastify';
import { loggableError } from './loggable-error';

/**
 * What pino must never write: bearer tokens, passwords, SSNs, codes. The serializers below log no
 * headers or bodies; these paths guard anything logged explicitly.
 */
const redact = {
  paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.currentPassword', '*.newPassword', '*.ssn', '*.code', '*.token', '*.accessCode'],
  censor: '[redacted]',
};

/**
 * A request as the log shows it: the route's pattern (`/v1/groups/:group/members`), never the URL as
 * sent, whose query string carries verification tokens (`/verify?token=…`) and searched last names
 * (`?q=…`). A request no route matched shows its path without the query.
 */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.routeOptions?.url ?? request.url.split('?')[0],
    remoteAddress: request.ip,
  };
}

/** The plan service's logger settings: JSON lines at info, redacted, to `stream` or stdout. */
export function loggerOptions(stream?: { write(line: string): void }) {
  return {
    level: 'info',
    redact,
    serializers: { req: requestForLog, err: loggableError },
    ...(stream ? { stream } : {}),
  };
}
