import { useState } from 'react';
import { Popover } from 'radix-ui';
import { useRouter } from '@tanstack/react-router';
import type { NotificationItem } from '@shared/contract/methods/notifications';
import { useApi, useCoreEvent } from '../api/ApiProvider';
import { useQuery } from '../api/use-query';
import { useGroupStore } from '../state/group-store';
import { useAnnouncer } from '../state/announcer';
import { BellIcon } from './nav-icons';
import { formatCount, formatDatesIn, formatInstant } from './format';

/** Only routes of this app are followed: a notification never sends the window anywhere else. */
export function inAppPath(link: string | null): string | null {
  if (!link) return null;
  const path = link.startsWith('#') ? link.slice(1) : link;
  return /^\/(?!\/)/.test(path) ? path : null;
}

/**
 * The bell in the header: the unread count, and a popover with the latest notifications (accepted
 * and rejected changes, new invoices, sync problems). Opening one marks it read and goes where it points.
 */
export function NotificationCentre() {
  const api = useApi();
  const router = useRouter();
  const groupNumber = useGroupStore((s) => s.groupNumber);
  const setGroup = useGroupStore((s) => s.setGroup);
  const announce = useAnnouncer((s) => s.announce);
  const [open, setOpen] = useState(false);
  const list = useQuery('notifications.list', { limit: 50 });
  const reload = list.reload;
  useCoreEvent((event) => {
    if (event.type === 'notifications.changed') reload();
  });

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const markAllRead = async () => {
    const result = await api.call('notifications.markRead', { all: true });
    if (result.ok) announce('All notifications marked as read.');
    else announce(result.error.message);
    reload();
  };

  const openItem = async (item: NotificationItem) => {
    if (!item.read) {
      await api.call('notifications.markRead', { ids: [item.id] });
      reload();
    }
    const path = inAppPath(item.link);
    if (!path) return;
    setOpen(false);
    // A notification about another group shows that group's record: the switch itself goes there.
    if (item.groupNumber && item.groupNumber !== groupNumber) setGroup(item.groupNumber, path);
    else router.history.push(path);
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button type="button" className="button button-ghost bell" aria-label={unread > 0 ? `Notifications, ${formatCount(unread)} unread` : 'Notifications'}>
          <BellIcon />
          {unread > 0 && (
            <span className="bell-count" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover notifications" align="end" sideOffset={6} collisionPadding={8} aria-labelledby="notifications-title">
          <div className="popover-header">
            <h2 id="notifications-title" className="popover-title">
              Notifications
            </h2>
            <button type="button" className="link-button" onClick={() => void markAllRead()} disabled={unread === 0}>
              Mark all read
            </button>
          </div>
          {list.status === 'error' && !list.data ? (
            <p className="popover-empty" role="alert">
              {list.error.message}
            </p>
          ) : items.length === 0 ? (
            <p className="popover-empty">{list.data ? 'No notifications yet. When the plan accepts or rejects a change, or issues an invoice, it shows here.' : 'Loading…'}</p>
          ) : (
            <ul className="notification-list">
              {items.map((item) => (
                <li key={item.id}>
                  <button type="button" className={`notification-item${item.read ? '' : ' is-unread'}`} onClick={() => void openItem(item)}>
                    <span className="notification-dot" aria-hidden="true" />
                    <span className="notification-title">
                      {!item.read && <span className="visually-hidden">Unread: </span>}
                      {formatDatesIn(item.title)}
                    </span>
                    {item.about && <span className="notification-about">{item.about}</span>}
                    <span className="notification-body">{formatDatesIn(item.body)}</span>
                    <time className="notification-time" dateTime={item.createdAt}>
                      {formatInstant(item.createdAt)}
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
