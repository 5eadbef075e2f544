import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
