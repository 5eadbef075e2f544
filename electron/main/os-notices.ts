import type { CoreEvent } from '@shared/contract';
import { notificationsMethods, type NotificationItem } from '@shared/contract/methods/notifications';
import type { DateFormatter } from '@shared/util/date-format';
import type { CoreHandle } from '../host/start-core';
import { APP_ENTRY_URL } from './app-url';

/**
 * The notifications worth interrupting someone who is in another program for: the plan's answer to
 * a change they sent (docs/architecture.md#push), a new invoice with its amount and due date, and
 * money that needs them: a returned payment, a payment whose date passed before it could be sent,
 * autopay suspended or stopped by the plan. Connection trouble, access changes and settled payments
 * wait in the app.
 */
const OS_KINDS: ReadonlySet<NotificationItem['kind']> = new Set(['transaction.accepted', 'transaction.rejected', 'invoice.issued', 'payment.returned', 'payment.needs_date', 'autopay.changed']);

export interface OsNoticeHost {
  /** The user's "Show notifications" preference (the menu's switch). */
  enabled(): boolean;
  /** True while a GroupDesk window has the focus: the in-app notification centre is then enough. */
  appFocused(): boolean;
  /** Shows the OS notification (notifications.ts `notify`). */
  show(title: string, body: string, onClick: () => void): void;
  /** The user clicked it: bring GroupDesk forward and open what it is about. */
  open(notificationId: number): void;
  /** The screens' date format in the system's locale: the core writes a notification's dates as plan dates. */
  readonly dates: Pick<DateFormatter, 'datesIn'>;
}

/**
 * Turns the core's `notification.created` events into OS notifications while the user is not
 * looking at GroupDesk. The core writes their title and body without member names, so nothing
 * personal lands in the OS notification history.
 */
export function osNotices(host: OsNoticeHost): (event: CoreEvent) => void {
  return (event) => {
    if (event.type !== 'notification.created' || !OS_KINDS.has(event.kind)) return;
    if (!host.enabled() || host.appFocused()) return;
    host.show(host.dates.datesIn(event.title), host.dates.datesIn(event.body), () => host.open(event.id));
  };
}

/** An in-app route as the core writes it (`#/activity?id=12`): a hash path, nothing that could leave the app. */
const IN_APP_LINK = /^#\/[A-Za-z0-9\-._~/?=&%]*$/;

/**
 * The URL that shows a clicked notification, and marks it read (the user has seen it). The entry
 * page with the notification's route as its hash: the renderer uses hash history, so loading it
 * into the window opens that screen. Null when the notification has no link or is gone.
 */
export async function notificationTarget(core: Pick<CoreHandle, 'call'>, notificationId: number): Promise<string | null> {
  const listed = await core.call('notifications.list', { limit: 200 });
  if (!listed.ok) return null;
  const parsed = notificationsMethods['notifications.list'].output.safeParse(listed.value);
  const item = parsed.success ? parsed.data.items.find((n) => n.id === notificationId) : undefined;
  if (item === undefined) return null;
  if (!item.read) await core.call('notifications.markRead', { ids: [notificationId] });
  return item.link !== null && IN_APP_LINK.test(item.link) ? `${APP_ENTRY_URL}${item.link}` : null;
}
