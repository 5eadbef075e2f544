import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ContractFailure, type ContractError, type ErrorCode } from '@shared/contract/errors';
import { ThrottledFailure } from '../services/throttled-failure';
import { loggableError } from '../store/loggable-error';

/** How each contract error code travels over HTTP. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  AUTH: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  OFFLINE: 503,
  INTERNAL: 500,
  TWO_FACTOR_REQUIRED: 403,
};

const body = (code: ErrorCode, message: string, fields?: Record<string, string>): ContractError =>
  fields === undefined ? { code, message } : { code, message, fields };

/** `/body/address/zip` → `address.zip`, as the contract's `fields` keys are written. */
const fieldPath = (instancePath: string): string => instancePath.split('/').filter(Boolean).join('.') || '(root)';

/**
 * One error handler for the whole service: every failure leaves as `{ code, message, fields? }`.
 * Unexpected errors are logged by name, code and constraint only (loggableError) and answered
 * INTERNAL with no detail, so no stack trace, SQL or PII reaches a client.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(body('NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]} in this API.`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ThrottledFailure) {
      return reply.code(429).header('retry-after', String(error.retryAfterSeconds)).send(body('RULE', error.message));
    }
    if (error instanceof ContractFailure) {
      return reply.code(httpStatusOf[error.code]).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) fields[fieldPath(issue.instancePath)] ??= issue.message ?? 'invalid';
      const [first, message] = Object.entries(fields)[0] ?? ['(root)', 'invalid'];
      const where = error.validationContext === 'body' ? '' : `${error.validationContext ?? 'request'} `;
      return reply.code(400).send(body('VALIDATION', `Invalid ${where}input: ${first}: ${message}`, fields));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(body('VALIDATION', 'The request body is too large.'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(body('VALIDATION', 'Send the request body as application/json.'));
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send(body('VALIDATION', 'The request body is not valid JSON.'));
    }
    if (isResponseSerializationError(error)) {
      // Where the body broke its schema, not the values: the body holds members' PII.
      request.log.error({ err: loggableError(error), issues: error.cause.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) }, 'response failed its schema');
      return reply.code(500).send(body('INTERNAL', 'The service could not complete the request.'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad headers, unsupported methods): their messages carry no data.
      return reply.code(status).send(body(status === 404 ? 'NOT_FOUND' : 'VALIDATION', error.message));
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'The service could not complete the request.'));
  });
}
