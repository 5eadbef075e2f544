import type { FastifyRequest } from 'fastify';
import { loggableError, type LoggableError } from './store/loggable-error';

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

/**
 * Any error logged under `err`, including Fastify's own, as loggableError has it. Fastify's types
 * expect pino's serializer, whose output has the message and stack this one withholds.
 */
const errorForLog = loggableError as (error: unknown) => LoggableError & { [key: string]: unknown; type: string; message: string; stack: string };

/** The plan service's logger settings: JSON lines at info, redacted, to `stream` or stdout. */
export function loggerOptions(stream?: { write(line: string): void }) {
  return {
    level: 'info',
    redact,
    serializers: { req: requestForLog, err: errorForLog },
    ...(stream ? { stream } : {}),
  };
}
