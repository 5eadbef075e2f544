import type { ServerResponse } from 'node:http';
import { contractErrorSchema } from '../../../../shared/contract/errors';
import type { AccountAnnouncement } from '../../../../shared/plan-api/accounts';
import { createChangeNotifier } from '../../services/changes/notifier';
import { requireSession } from '../auth';
import type { RoutePlugin } from '../deps';

/** Proxies close idle connections after about a minute; a comment line keeps the stream open. */
const HEARTBEAT_MS = 15_000;

/**
 * The signed-in user's own stream (DESIGN.md, Sync: live): an access request decided, a role
 * granted, changed or removed. It says only that something changed and why; the client re-reads
 * GET /v1/me and GET /v1/access-requests, which decide what it may see. A removed user can no
 * longer read the group's feed, so this stream is how their desktop learns to drop the group.
 * It opens with a comment line so a client knows it is listening; announcements missed while it
 * was not connected are the client's to catch up on by re-reading after it reconnects.
 */
export const meStreamRoutes: RoutePlugin = async (app, deps) => {
  // Its own LISTEN, beside the change feed's: the two route plugins share no state.
  const notifier = createChangeNotifier(deps.db, deps.backend);
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.addHook('onClose', async () => notifier.close());

  app.get(
    '/me/stream',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Server-sent events: `event: account` with `{"reason":"access_request"|"role"}` whenever the signed-in user’s access changes',
        response: { '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const { userId } = await requireSession(request, deps);
      const raw = reply.raw;
      const announce = (reason: AccountAnnouncement['reason']): void => {
        raw.write(`event: account\ndata: ${JSON.stringify({ reason } satisfies AccountAnnouncement)}\n\n`);
      };
      // Subscribed before the headers go out, so nothing committed after the client sees the stream open is lost.
      const unsubscribe = await notifier.subscribeUser(userId, announce);
      reply.hijack();
      streams.add(raw);
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(': listening\n\n');
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(raw);
      });
    },
  );
};
