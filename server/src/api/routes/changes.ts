import type { ServerResponse } from 'node:http';
import { contractErrorSchema } from '../../../../shared/contract/errors';
import { changesQuery } from '../../../../shared/plan-api/changes';
import { createChangeNotifier } from '../../services/changes/notifier';
import { headSequence, readChangesPage } from '../../services/changes/read-page';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin } from '../deps';
import { groupParams } from './eligibility-write';

/** Proxies close idle connections after about a minute; a comment line keeps the stream open. */
const HEARTBEAT_MS = 15_000;

/**
 * The change feed the desktop pulls (DESIGN.md, Sync: pull) and the SSE stream that tells it when
 * to pull (Sync: live). The stream carries sequence numbers only, never data: what a client may
 * read is decided once, by the feed route.
 */
export const changeRoutes: RoutePlugin = async (app, deps) => {
  const notifier = createChangeNotifier(deps.db, deps.backend);
  const streams = new Set<ServerResponse>();
  // Open streams would hold the server open forever; end them before it closes.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.addHook('onClose', async () => notifier.close());

  app.get(
    '/groups/:group/changes',
    {
      schema: {
        summary: 'Changes to the group after a sequence number, in commit order (body: changesPage in shared/plan-api/changes.ts)',
        params: groupParams,
        querystring: changesQuery,
        response: { '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const { group } = request.params;
      await requireGroupPermission(request, deps, group, 'members.read');
      const page = await readChangesPage(deps.db, group, request.query.after, request.query.limit);
      // Already JSON text (built by PostgreSQL): sent as is.
      return reply.type('application/json; charset=utf-8').send(page.json as never);
    },
  );

  app.get(
    '/groups/:group/changes/stream',
    {
      schema: {
        summary: 'Server-sent events: `event: changes` with `{"seq":N}` whenever the group has new changes',
        params: groupParams,
        response: { '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const { group } = request.params;
      await requireGroupPermission(request, deps, group, 'members.read');
      const raw = reply.raw;
      // Subscribe before reading the head, so a change committed in between is still announced;
      // what arrives before the headers are out is folded into the first event.
      let open = false;
      let pending = 0;
      const announce = (seq: number): void => {
        if (open) raw.write(`event: changes\ndata: ${JSON.stringify({ seq })}\n\n`);
        else pending = Math.max(pending, seq);
      };
      const unsubscribe = await notifier.subscribe(group, announce);
      let head: number;
      try {
        head = await headSequence(deps.db, group);
      } catch (error) {
        unsubscribe();
        throw error;
      }
      reply.hijack();
      streams.add(raw);
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      open = true;
      announce(Math.max(head, pending));
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(raw);
      });
    },
  );
};
