import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test/renderApp';
import { createFakeTransport, readyStatus } from '../test/fakeTransport';
import { useGroupStore } from '../state/groupStore';

describe('App shell', () => {
  it('has landmarks, a skip link and the main navigation', async () => {
    renderApp('/');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Members' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('main')).toBeInTheDocument();
    // The sandbox is not connected to a plan service, so it is neither online nor offline.
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/^Sandbox\s*·\s*Demo data on this computer · as of/);
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('switches group, keeps the screen and remembers the choice', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/members');
    const select = await screen.findByRole('combobox', { name: 'Group' });
    expect(select).toHaveDisplayValue(/Harbor Logistics/);
    await user.selectOptions(select, '200587');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.groupNumber).toBe('200587'));
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();
    expect(localStorage.getItem('groupdesk.currentGroup')).toBe('200587');
    expect(useGroupStore.getState().groupNumber).toBe('200587');
  });

  it('shows sync status from core events', async () => {
    const transport = createFakeTransport();
    transport.on('app.status', () => ({ ok: true, value: { ...readyStatus, mode: 'remote' } }));
    renderApp('/', transport);
    const bar = await screen.findByRole('contentinfo');
    await waitFor(() => expect(bar).toHaveTextContent(/^Online\s*·\s*Plan data · as of/));
    act(() => transport.emit({ type: 'sync.status', online: false, lastSyncAt: null, pending: 2, rejected: 1 }));
    expect(bar).toHaveTextContent('Offline');
    expect(bar).toHaveTextContent('2 changes waiting to send');
    expect(bar).toHaveTextContent('1 change rejected');
  });
});
