import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, state } from './fake-electron';
import { liveNotificationCount, notify } from './notifications';
import { rejectionNotices } from './rejection-notices';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

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

describe('rejectionNotices', () => {
  const status = (rejected: number) => ({ type: 'sync.status' as const, online: true, lastSyncAt: null, pending: 0, rejected });

  it('tells a user who is elsewhere how many changes were newly rejected, without names', () => {
    const show = vi.fn();
    const onEvent = rejectionNotices(show, () => false);
    onEvent(status(0));
    onEvent(status(2));
    onEvent(status(2));
    onEvent(status(3));
    expect(show.mock.calls.map((call) => call[1])).toEqual([
      'The health plan rejected 2 changes. Open GroupDesk to correct and resend them.',
      'The health plan rejected 1 change. Open GroupDesk to correct and resend it.',
    ]);
  });

  it('stays quiet while GroupDesk is in front, and for other events', () => {
    const show = vi.fn();
    const onEvent = rejectionNotices(show, () => true);
    onEvent(status(5));
    onEvent({ type: 'roster.changed', groupNumber: 'G1' } as never);
    expect(show).not.toHaveBeenCalled();
  });
});
