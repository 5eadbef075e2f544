import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, state } from './test-support/fake-electron';
import { liveNotificationCount, notify } from './notifications';
import type { NotificationItem } from '@shared/contract/methods/notifications';
import { createDateFormatter } from '@shared/util/date-format';
import { notificationTarget, osNotices, type OsNoticeHost } from './os-notices';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

beforeEach(() => {
  Notification.instances = [];
  state.notificationsSupported = true;
});

describe('notify', () => {
  it('keeps each notification alive until it is clicked, then runs the click action', () => {
    const onClick = vi.fn();
    expect(notify('GroupDesk', 'Invoice ready', onClick)).toBe(true);
    const shown = Notification.instances[0];
    expect(shown?.show).toHaveBeenCalled();
    expect(liveNotificationCount()).toBe(1);
    shown?.emit('click');
    expect(onClick).toHaveBeenCalled();
    expect(liveNotificationCount()).toBe(0);
  });

  it.each(['close', 'failed'])('releases a notification on %s', (event) => {
    notify('GroupDesk', 'x');
    expect(liveNotificationCount()).toBe(1);
    Notification.instances[0]?.emit(event, {}, 'not signed');
    expect(liveNotificationCount()).toBe(0);
  });

  it('does nothing where notifications are unsupported', () => {
    state.notificationsSupported = false;
    expect(notify('GroupDesk', 'x')).toBe(false);
    expect(Notification.instances).toHaveLength(0);
  });
});

describe('osNotices', () => {
  const created = (kind: NotificationItem['kind'], id = 7) => ({ type: 'notification.created' as const, id, kind, title: 'Enrollment accepted', body: 'Confirmation CN-1 for group 100234.' });
  const host = (overrides: Pick<Partial<OsNoticeHost>, 'enabled' | 'appFocused'> = {}) => ({
    enabled: () => true,
    appFocused: () => false,
    show: vi.fn<OsNoticeHost['show']>(),
    open: vi.fn<OsNoticeHost['open']>(),
    dates: createDateFormatter('en-US'),
    ...overrides,
  });

  it.each(['transaction.accepted', 'transaction.rejected', 'invoice.issued', 'payment.returned', 'payment.needs_date', 'autopay.changed'] as const)('shows %s to a user who is elsewhere, and a click opens that notification', (kind) => {
    const h = host();
    osNotices(h)(created(kind, 12));
    expect(h.show).toHaveBeenCalledWith('Enrollment accepted', 'Confirmation CN-1 for group 100234.', expect.any(Function));
    h.show.mock.calls[0]?.[2]();
    expect(h.open).toHaveBeenCalledWith(12);
  });

  it('writes the dates the core sends as data in the screens\' format', () => {
    const h = host();
    osNotices(h)({ type: 'notification.created', id: 3, kind: 'invoice.issued', title: 'New invoice for group 100234', body: 'Invoice INV-1 for December 2026: $520.00 due 2026-12-01.' });
    expect(h.show).toHaveBeenCalledWith('New invoice for group 100234', 'Invoice INV-1 for December 2026: $520.00 due 12/01/2026.', expect.any(Function));
  });

  it('stays quiet while GroupDesk is in front, when notifications are switched off, and for other kinds and events', () => {
    const focused = host({ appFocused: () => true });
    osNotices(focused)(created('transaction.rejected'));
    const off = host({ enabled: () => false });
    osNotices(off)(created('transaction.rejected'));
    const other = host();
    const onEvent = osNotices(other);
    onEvent(created('sync.problem'));
    onEvent(created('access.changed'));
    onEvent(created('payment.settled'));
    onEvent({ type: 'notifications.changed', unread: 3 });
    onEvent({ type: 'roster.changed', groupNumber: '100234' });
    for (const h of [focused, off, other]) expect(h.show).not.toHaveBeenCalled();
  });
});

describe('notificationTarget', () => {
  const item = (over: Partial<NotificationItem>): NotificationItem => ({
    id: 5, groupNumber: '100234', kind: 'transaction.rejected', title: 't', body: 'b', link: '#/activity?id=12', transactionId: 12, about: null, read: false, createdAt: '2026-03-02T10:00:00.000Z', ...over,
  });
  const core = (items: NotificationItem[], ok = true) => ({
    call: vi.fn(async (method: string, _input: unknown) =>
      !ok ? { ok: false as const, error: { code: 'INTERNAL' as const, message: 'down' } } : method === 'notifications.list' ? { ok: true as const, value: { unread: 1, items } } : { ok: true as const, value: { unread: 0 } },
    ),
  });

  it('answers the entry page with the notification\'s route, and marks it read', async () => {
    const c = core([item({ id: 4, link: '#/members' }), item({})]);
    expect(await notificationTarget(c, 5)).toBe('app://bundle/index.html#/activity?id=12');
    expect(c.call).toHaveBeenCalledWith('notifications.markRead', { ids: [5] });
  });

  it('answers null for a notification without a link, one that is gone, or a link that is not an in-app route', async () => {
    expect(await notificationTarget(core([item({ link: null })]), 5)).toBeNull();
    expect(await notificationTarget(core([item({ read: true })]), 6)).toBeNull();
    expect(await notificationTarget(core([item({ link: 'https://evil.example/' })]), 5)).toBeNull();
    expect(await notificationTarget(core([item({ link: '#/x"><script>' })]), 5)).toBeNull();
    expect(await notificationTarget(core([], false), 5)).toBeNull();
  });

  it('does not mark a notification read twice', async () => {
    const c = core([item({ read: true })]);
    await notificationTarget(c, 5);
    expect(c.call).toHaveBeenCalledTimes(1);
  });
});
