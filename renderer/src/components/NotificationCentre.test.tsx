import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NotificationItem } from '@shared/contract/methods/notifications';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport } from '../test-support/fake-transport';
import { useGroupStore } from '../state/group-store';
import { inAppPath } from './NotificationCentre';

function note(over: Partial<NotificationItem> & Pick<NotificationItem, 'id' | 'title'>): NotificationItem {
  return {
    groupNumber: '100234',
    kind: 'transaction.accepted',
    body: 'The plan accepted it.',
    link: null,
    transactionId: null,
    about: null,
    read: false,
    createdAt: '2026-11-27T09:00:00.000Z',
    ...over,
  };
}

/** Notifications kept in memory behind the fake transport, as the core keeps them in its store. */
function renderWithNotifications(items: NotificationItem[]) {
  const transport = createFakeTransport();
  transport.on('notifications.list', () => ({ ok: true, value: { unread: items.filter((n) => !n.read).length, items: [...items] } }));
  transport.on('notifications.markRead', (input) => {
    for (const n of items) if ('all' in input || input.ids.includes(n.id)) n.read = true;
    return { ok: true, value: { unread: items.filter((n) => !n.read).length } };
  });
  return renderApp('/', transport);
}

const sample = () => [
  note({ id: 3, title: 'Change rejected', body: 'The plan refused an addition of a dependent. Open it to see why.', kind: 'transaction.rejected', link: '#/activity?id=2', transactionId: 2, about: 'Add dependent Ola Okafor' }),
  note({ id: 2, title: 'Change accepted', body: 'Confirmation TX-20261127-0000042.', link: '#/activity?id=3', groupNumber: '200587' }),
  note({ id: 1, title: 'Sync problem', body: 'The plan service did not answer.', kind: 'sync.problem' }),
  note({ id: 4, title: 'Earlier change accepted', read: true }),
];

describe('Notification centre', () => {
  it('shows the unread count on the bell and lists notifications with their time and an unread marker', async () => {
    const user = userEvent.setup();
    renderWithNotifications(sample());
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    await user.click(bell);
    const popover = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(popover).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent('Unread: Change rejected');
    expect(items[0]).toHaveTextContent('The plan refused an addition of a dependent. Open it to see why.');
    // Whose change it was: named here in the app, never in the OS notification's title or body.
    expect(items[0]).toHaveTextContent('Unread: Change rejectedAdd dependent Ola Okafor');
    expect(within(items[0] as HTMLElement).getByRole('button')).toHaveTextContent(/\d\d:\d\d|[A-Z][a-z]{2} \d+/);
    expect(items[3]).not.toHaveTextContent('Unread');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bell).toHaveFocus();
  });

  it('marks a notification read and follows its link, switching to its group', async () => {
    const user = userEvent.setup();
    const { transport, history } = renderWithNotifications(sample());
    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }));
    await user.click(await screen.findByRole('button', { name: /Change accepted/ }));
    await waitFor(() => expect(transport.callsTo('notifications.markRead')).toEqual([{ ids: [2] }]));
    await waitFor(() => expect(history.location.pathname).toBe('/activity'));
    expect(history.location.search).toBe('?id=3');
    expect(useGroupStore.getState().groupNumber).toBe('200587');
    // The switch goes to the notification's record, not to a list, and says which group it is in.
    expect(screen.getByRole('log', { name: 'Where you are', hidden: true })).toHaveTextContent('Switched to Cedar Valley Schools (group 200587).');
    // The change opens in its panel (a modal dialog), so the header behind it is hidden from the accessibility tree.
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread', hidden: true })).toBeInTheDocument();
  });

  it('marks all read', async () => {
    const user = userEvent.setup();
    const { transport } = renderWithNotifications(sample());
    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(transport.callsTo('notifications.markRead')).toEqual([{ all: true }]));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('updates the count live when the core says notifications changed', async () => {
    const items = sample();
    const { transport } = renderWithNotifications(items);
    await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    items.unshift(note({ id: 9, title: 'Change accepted' }));
    act(() => transport.emit({ type: 'notifications.changed', unread: 4 }));
    expect(await screen.findByRole('button', { name: 'Notifications, 4 unread' })).toBeInTheDocument();
  });

  it('follows only routes of the app', () => {
    expect(inAppPath('#/activity?id=12')).toBe('/activity?id=12');
    expect(inAppPath('/settings')).toBe('/settings');
    expect(inAppPath('https://example.com/phish')).toBeNull();
    expect(inAppPath('//example.com')).toBeNull();
    expect(inAppPath(null)).toBeNull();
  });
});
