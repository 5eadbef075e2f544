import type { HandlerContext } from '../../dispatch/handler-types';
import { handlers } from '../../dispatch/handler-types';
import { listActivity } from './activity-list';
import { runBulkAction } from './bulk-action';
import { cancelBatch } from './cancel-batch';
import { cancelTransaction } from './cancel-transaction';
import { requireOutboxRow, toActivityItem } from '../../outbox/outbox-repository';
import { queueTransaction, type QueueEnv } from './queue-change';
import { transactionDocument } from './transaction-document';

const queueEnv = (ctx: HandlerContext): QueueEnv => ({ store: ctx.store, today: ctx.today(), now: ctx.now() });

/** After a commit that queued or withdrew transactions: tell the screens, and push now. */
function announce(ctx: HandlerContext, groupNumber: string, rosterChanged: boolean): void {
  if (rosterChanged) ctx.emit({ type: 'roster.changed', groupNumber });
  ctx.emit({ type: 'activity.changed', groupNumber });
  ctx.sync.requestSync();
}

export const transactionsHandlers = handlers({
  'transactions.submit': ({ groupNumber, transaction, draftId, replaces }, ctx) => {
    const queued = queueTransaction(queueEnv(ctx), groupNumber, transaction, { draftId, replaces });
    announce(ctx, groupNumber, queued.pending.length > 0);
    return { id: queued.id, status: 'queued' as const, memberIds: queued.pending };
  },
  'transactions.bulk': ({ groupNumber, action, dryRun }, ctx) => {
    const result = runBulkAction(queueEnv(ctx), groupNumber, action, dryRun);
    if (result.queued.length > 0) announce(ctx, groupNumber, action.kind !== 'id_cards');
    return result;
  },
  'transactions.list': (input, { store }) => listActivity(store.db, input),
  'transactions.get': ({ groupNumber, id }, { store }) => {
    const row = requireOutboxRow(store.db, groupNumber, id);
    // What the administrator reviewed, without the member version the core added for the plan's
    // stale-data check: a version number means nothing on screen.
    const { expectedVersion: _version, ...request } = JSON.parse(row.payload) as Record<string, unknown>;
    return { ...toActivityItem(store.db, row), request };
  },
  'transactions.cancel': ({ groupNumber, id }, ctx) => {
    const { item, rosterChanged } = cancelTransaction(queueEnv(ctx), groupNumber, id);
    announce(ctx, groupNumber, rosterChanged);
    return item;
  },
  'transactions.cancelBatch': ({ groupNumber, batchId }, ctx) => {
    const { cancelled, alreadySent, rosterChanged } = cancelBatch(queueEnv(ctx), groupNumber, batchId);
    if (cancelled > 0) announce(ctx, groupNumber, rosterChanged);
    return { cancelled, alreadySent };
  },
  'transactions.document': ({ groupNumber, id }, { store, today, now }) => transactionDocument(store, groupNumber, id, today(), now()),
});
