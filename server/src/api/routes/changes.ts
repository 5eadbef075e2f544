import type { FastifyRequest } from 'fastify';
import { ContractFailure, contractErrorSchema } from '@shared/contract/errors';
import { roleAllows, roleLabels } from '@shared/contract/roles';
import { changesQuery } from '@shared/plan-api/changes';
import { createChangeNotifier } from '../../services/changes/notifier';
import { headSequence, invoiceEntities, readChangesPage } from '../../services/changes/read-page';
import { requireGroupPermission } from '../auth';
import type { RoutePlugin, ServiceDeps } from '../deps';
import { groupParams } from './group-params';
import { eventStreams, sseEvent } from '../event-stream';

/**
 * The change feed the desktop pulls (docs/architecture.md#pull) and the SSE stream that tells it when
 * to pull (docs/architecture.md#live). The stream carries sequence numbers only, never data: what a client may
 * read is decided once, by the feed route.
 */
export const changeRoutes: RoutePlugin = async (app, deps) => {
  const notifier = createChangeNotifier(deps.db, deps.backend);
  const streams = eventStreams(app, { notifier, now: deps.now, heartbeatMs: deps.streamHeartbeatMs });
  app.addHook('onClose', async () => notifier.close());

  app.get(
    '/groups/:groupNumber/changes',
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
      const { groupNumber: group } = request.params;
      const { entities } = await feedReader(request, deps, group);
      const page = await readChangesPage(deps.db, group, request.query.after, request.query.limit, entities);
      // Already JSON text (built by PostgreSQL): sent as is.
      return reply.type('application/json; charset=utf-8').send(page.json as never);
    },
  );

  app.get(
    '/groups/:groupNumber/changes/stream',
    {
      schema: {
        summary: 'Server-sent events: `event: changes` with `{"seq":N}` whenever the group has new changes',
        params: groupParams,
        response: { '4xx': contractErrorSchema },
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const { groupNumber: group } = request.params;
      const allowed = async () => (await feedReader(request, deps, group)).session;
      const session = await allowed();
      // Subscribe before reading the head, so a change committed in between is still announced;
      // what arrives before the headers are out is folded into the first event.
      let open = false;
      let pending = 0;
      const announce = (seq: number): void => {
        if (open) reply.raw.write(sseEvent('changes', { seq }));
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
      // A role taken away, or changed to one that may not read the group, ends the stream.
      await streams.open(reply, { session, recheck: allowed, recheckOnRoleChange: true, unsubscribe, first: () => sseEvent('changes', { seq: Math.max(head, pending) }) });
      open = true;
    },
  );
};

/**
 * Who may read the group's feed, and which of its entries: all of them with members.read; only the
 * invoices, their lines and adjustments with billing.read alone (a billing user never sees member
 * snapshots); anyone else is refused.
 */
async function feedReader(request: FastifyRequest, deps: Pick<ServiceDeps, 'db' | 'now' | 'twoFactor'>, group: string) {
  const session = await requireGroupPermission(request, deps, group, 'none');
  if (roleAllows(session.role, 'members.read')) return { session, entities: undefined };
  if (roleAllows(session.role, 'billing.read')) return { session, entities: invoiceEntities };
  throw new ContractFailure('FORBIDDEN', `Your role in group ${group} (${roleLabels[session.role]}) does not allow reading its changes.`);
}
