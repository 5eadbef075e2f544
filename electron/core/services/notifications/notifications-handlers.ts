import { handlers } from '../../dispatch/handler-types';
import { listNotifications, markNotificationsRead, unreadCount } from '../../store/repositories/notifications-repository';

export const notificationsHandlers = handlers({
  'notifications.list': ({ unreadOnly, limit }, { store }) => ({ unread: unreadCount(store.db), items: listNotifications(store.db, unreadOnly, limit) }),
  'notifications.markRead': (input, { store, emit }) => {
    const changed = markNotificationsRead(store.db, input);
    const unread = unreadCount(store.db);
    if (changed) emit({ type: 'notifications.changed', unread });
    return { unread };
  },
});
