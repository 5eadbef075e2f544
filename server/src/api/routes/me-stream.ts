import { contractErrorSchema } from '@shared/contract/errors';
import type { AccountAnnouncement } from '@shared/plan-api/accounts';
import { createChangeNotifier } from '../../services/changes/notifier';
import { requireSession } from '../auth';
import type { RoutePlugin } from '../deps';
import { eventStreams, sseEvent } from '../event-stream';

/**
 * The signed-in user's own stream (docs/architecture.md#live): an access request decided, a role
 * granted, changed or removed. It says only that something changed and why; the client re-reads
 * GET /v1/me and GET /v1/access-requests, which decide what it may see. A removed user can no
 * longer read the group's feed, so this stream is how their desktop learns to drop the group.
 * It opens with a comment line so a client knows it is listening; announcements missed while it
 * was not connected are the client's to catch up on by re-reading after it reconnects.
 */
export const meStreamRoutes: RoutePlugin = async (app, deps) => {
  // Its own LISTEN, beside the change feed's: the two route plugins share no state.
  const notifier = createChangeNotifier(deps.db, deps.backend);
  const streams = eventStreams(app, { notifier, now: deps.now, heartbeatMs: deps.streamHeartbeatMs });
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
      const session = await requireSession(request, deps);
      const event = (reason: AccountAnnouncement['reason']): string => sseEvent('account', { reason } satisfies AccountAnnouncement);
      // Subscribed before the headers go out, so nothing committed after the client sees the stream
      // open is lost; what arrives before then (opening rechecks the session) follows the first line.
      let open = false;
      const early: string[] = [];
      const announce = (reason: AccountAnnouncement['reason']): void => {
        if (open) reply.raw.write(event(reason));
        else early.push(event(reason));
      };
      const unsubscribe = await notifier.subscribeUser(session.userId, announce);
      await streams.open(reply, { session, recheck: () => requireSession(request, deps), unsubscribe, first: () => [': listening\n\n', ...early].join('') });
      open = true;
    },
  );
};
