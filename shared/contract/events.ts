import { z } from 'zod';
import { groupNumber } from './schemas/primitives';
import { storeState } from './methods/app';
import { syncStatus } from './methods/sync';
import { notificationKinds } from './methods/notifications';
import { sessionInfo } from './methods/sync';

/** Events flow from the core to every renderer on one subscription channel. */
export const coreEvent = z.discriminatedUnion('type', [
  /** Members of a group changed (a local write or applied remote changes): refetch what is shown. */
  z.object({ type: z.literal('roster.changed'), groupNumber }),
  z.object({ type: z.literal('store.state'), store: storeState }),
  z.object({ type: z.literal('sync.status'), ...syncStatus.shape }),
  /** Transactions of a group changed status (queued, sent, accepted, rejected, cancelled). */
  z.object({ type: z.literal('activity.changed'), groupNumber }),
  /** Invoices, their lines or adjustments, the balance or billing preferences of a group changed: refetch. */
  z.object({ type: z.literal('billing.changed'), groupNumber }),
  /** The notification centre changed; `unread` is the new badge. */
  z.object({ type: z.literal('notifications.changed'), unread: z.number().int().nonnegative() }),
  /**
   * A new notification, for the Electron host to show as an OS notification. Its text names no
   * member (no PII in the OS notification history).
   */
  /** Who is signed in, their groups and roles, lock or Welcome changed: every window follows. */
  z.object({ type: z.literal('session.changed'), session: sessionInfo }),
  /** The user's access requests changed (filed, or decided at the plan). */
  z.object({ type: z.literal('access.changed') }),
  /** A long job (`roster.export`, `roster.importCheck`) moved: `done` of `total` members; `total` is null until known. */
  z.object({ type: z.literal('job.progress'), jobId: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }),
  z.object({ type: z.literal('notification.created'), id: z.number().int().positive(), kind: z.enum(notificationKinds), title: z.string(), body: z.string() }),
]);
export type CoreEvent = z.infer<typeof coreEvent>;
