import type { Database } from 'better-sqlite3';
import type { CoreEvent } from '@shared/contract/events';
import type { NotificationItem, notificationKinds } from '@shared/contract/methods/notifications';
import { statement } from '../statements';

type NotificationKind = (typeof notificationKinds)[number];

export interface NewNotification {
  groupNumber: string | null;
  kind: NotificationKind;
  /** Names no member: the text also becomes an OS notification (no PII in its history). */
  title: string;
  body: string;
  link: string | null;
  outboxRef: number | null;
  createdAt: string;
}

/**
 * Stores a notification and returns the events that announce it (publish after commit): the new
 * unread badge, and the notification itself for the host to show.
 */
export function createNotification(db: Database, n: NewNotification): CoreEvent[] {
  const id = Number(
    statement(db, 'INSERT INTO notifications (group_number, kind, title, body, link, outbox_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .pluck()
      .get(n.groupNumber, n.kind, n.title, n.body, n.link, n.outboxRef, n.createdAt),
  );
  return [
    { type: 'notifications.changed', unread: unreadCount(db) },
    { type: 'notification.created', id, kind: n.kind, title: n.title, body: n.body },
  ];
}

export function unreadCount(db: Database): number {
  return Number(statement(db, 'SELECT count(*) FROM notifications WHERE read = 0').pluck().get());
}

interface NotificationRecord {
  id: number;
  group_number: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  outbox_ref: number | null;
  read: number;
  created_at: string;
}

export function listNotifications(db: Database, unreadOnly: boolean, limit: number): NotificationItem[] {
  // The change's summary names its member: joined here for the centre, never stored with the OS text.
  const rows = statement(
    db,
    `SELECT n.*, o.summary AS about FROM notifications n LEFT JOIN outbox o ON o.id = n.outbox_ref
     WHERE (@unreadOnly = 0 OR n.read = 0) ORDER BY n.created_at DESC, n.id DESC LIMIT @limit`,
  ).all({
    unreadOnly: unreadOnly ? 1 : 0,
    limit,
  }) as (NotificationRecord & { about: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    groupNumber: r.group_number,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    transactionId: r.outbox_ref,
    about: r.about === null || r.about === '' ? null : r.about,
    read: r.read === 1,
    createdAt: r.created_at,
  }));
}

/** Marks the given notifications (or all) read; returns whether any changed. */
export function markNotificationsRead(db: Database, which: { ids: number[] } | { all: true }): boolean {
  const info =
    'all' in which
      ? statement(db, 'UPDATE notifications SET read = 1 WHERE read = 0').run()
      : statement(db, 'UPDATE notifications SET read = 1 WHERE read = 0 AND id IN (SELECT value FROM json_each(?))').run(JSON.stringify(which.ids));
  return info.changes > 0;
}
