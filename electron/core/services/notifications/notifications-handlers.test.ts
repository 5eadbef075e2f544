import { describe, expect, it } from 'vitest';
import { createNotification } from './notifications-repository';
import { fileStore, transactionsCore } from '../../test-support/transactions-test-store';

describe('notification centre', () => {
  it('lists newest first with the unread count, marks some or all read, and announces the new badge', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const add = (title: string, at: string) =>
      createNotification(store.db, { groupNumber: '4321', kind: 'transaction.accepted', title, body: 'b', link: null, outboxRef: null, createdAt: at });
    expect(add('first', '2026-11-27T09:00:00.000Z')).toEqual([
      { type: 'notifications.changed', unread: 1 },
      { type: 'notification.created', id: 1, kind: 'transaction.accepted', title: 'first', body: 'b' },
    ]);
    add('second', '2026-11-27T09:01:00.000Z');
    add('third', '2026-11-27T09:02:00.000Z');
    const listed = await core.ok<{ unread: number; items: { id: number; title: string }[] }>('notifications.list', {});
    expect(listed.unread).toBe(3);
    expect(listed.items.map((i) => i.title)).toEqual(['third', 'second', 'first']);

    expect(await core.ok('notifications.markRead', { ids: [1] })).toEqual({ unread: 2 });
    expect(core.events).toEqual([{ type: 'notifications.changed', unread: 2 }]);
    expect(await core.ok('notifications.list', { unreadOnly: true })).toMatchObject({ unread: 2, items: [{ title: 'third' }, { title: 'second' }] });
    expect(await core.ok('notifications.markRead', { all: true })).toEqual({ unread: 0 });
    // Nothing left to mark: no event.
    expect(await core.ok('notifications.markRead', { all: true })).toEqual({ unread: 0 });
    expect(core.events).toHaveLength(2);
  });
});
