import { z } from 'zod';
import { method } from '../define';
import { groupNumber, isoInstant } from '../schemas/primitives';

export const notificationKinds = ['transaction.accepted', 'transaction.rejected', 'sync.problem', 'access.changed', 'invoice.issued', 'payment.settled', 'payment.returned', 'payment.needs_date', 'autopay.changed'] as const;

export const notificationItem = z.object({
  id: z.number().int().positive(),
  groupNumber: groupNumber.nullable(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  /** An in-app route to open (`#/activity?id=12`), or null. */
  link: z.string().nullable(),
  transactionId: z.number().int().positive().nullable(),
  /**
   * Whose change it was, for the notification centre only: the change's own one-line summary
   * ("Enroll Jane Smith with 2 dependents"). Title and body name no one, since they also become an OS
   * notification; this is read from the local store when the centre lists them, and never leaves the app.
   */
  about: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoInstant,
});
export type NotificationItem = z.infer<typeof notificationItem>;

/** The in-app notification centre: persisted in the local store, with an unread count. */
export const notificationsMethods = {
  'notifications.list': method({
    summary: 'Notifications, newest first, with the unread count.',
    permission: 'none',
    input: z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ unread: z.number().int().nonnegative(), items: z.array(notificationItem) }),
  }),
  'notifications.markRead': method({
    summary: 'Mark some notifications (or all) as read.',
    permission: 'none',
    input: z.union([z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    output: z.object({ unread: z.number().int().nonnegative() }),
  }),
} as const;
