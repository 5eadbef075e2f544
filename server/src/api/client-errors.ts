import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply } from 'fastify';
import type { ContractError } from '@shared/contract/errors';

/**
 * Node refuses some requests before Fastify sees them: a request line or headers over its size limit
 * (431), a client too slow to send them (408), bytes that are not HTTP (400). Fastify's default answer
 * to those is `{ error, message, statusCode }`; this one answers in the contract's error shape like
 * every other refusal, so a client always finds a `code`.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line or headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify({ code: 'VALIDATION', message } satisfies ContractError);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * Fastify's router refuses a URL before any route runs: a path parameter over its length limit (414)
 * or a percent-encoding that does not decode (400). Answered in the contract's shape, without echoing
 * the URL (Fastify's default puts it in the message, and a URL can carry a member ID).
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void reply.code(414).send({ code: 'VALIDATION', message: 'A part of the URL is too long.' } satisfies ContractError);
  else if (error.code === 'FST_ERR_BAD_URL') void reply.code(400).send({ code: 'VALIDATION', message: 'The URL is not valid.' } satisfies ContractError);
  else void reply.code(500).send({ code: 'INTERNAL', message: 'The service could not complete the request.' } satisfies ContractError);
}
