import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/** Proxies close idle connections after about a minute; a comment line keeps the stream open. */
const HEARTBEAT_MS = 15_000;

/** One server-sent event. */
export const sseEvent = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The server-sent event streams of one route plugin: each is ended before the server closes (an
 * open stream would hold it open forever), kept alive with comment lines, and unsubscribed from its
 * announcements when the client goes.
 */
export function eventStreams(app: { addHook(name: 'preClose', hook: () => Promise<void>): unknown }) {
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  return {
    /** Takes the response over from Fastify and sends the stream's headers; `first` is written at once. */
    open(reply: FastifyReply, unsubscribe: () => void, first: string): ServerResponse {
      reply.hijack();
      const raw = reply.raw;
      streams.add(raw);
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(first);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(raw);
      });
      return raw;
    },
  };
}
