import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { chooseGroup } from '../test-support/choose-group';
import { asOf, createFakeTransport, readyStatus, sessionWithRoles } from '../test-support/fake-transport';
import { useGroupStore } from '../state/group-store';

/** Clock the status bar reads: half an hour after the fixture's last sync, the same day in every time zone. */
const fakeNow = (now: Date) => vi.useFakeTimers({ toFake: ['Date'], now });
const halfHourAfterLastSync = new Date(Date.parse(asOf) + 30 * 60_000);

describe('App shell', () => {
  afterEach(() => vi.useRealTimers());

  it('has landmarks, a skip link and the main navigation', async () => {
    fakeNow(halfHourAfterLastSync);
    renderApp('/');
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    // Offered once the session says the role may read members.
    expect(await screen.findByRole('link', { name: 'Members' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Activity' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    // Before the core reports its sync state, the start-up status says where the data is from and how fresh.
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/^Sandbox\s*·\s*Up to date · last sync Today \d\d:\d\d/);
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('dates a last sync from an earlier day', async () => {
    fakeNow(new Date('2026-12-06T12:00:00.000Z'));
    renderApp('/');
    await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/Up to date · last sync [A-Z][a-z]{2} \d+, \d\d:\d\d/);
  });

  it('switches group, keeps the screen and remembers the choice', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/members');
    expect(await screen.findByRole('combobox', { name: 'Group' })).toHaveTextContent(/Harbor Logistics/);
    await chooseGroup(user, '200587');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.groupNumber).toBe('200587'));
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();
    expect(localStorage.getItem('groupdesk.currentGroup')).toBe('200587');
    expect(useGroupStore.getState().groupNumber).toBe('200587');
  });

  it('shows sync status from core events, with waiting and rejected counts on Activity', async () => {
    const transport = createFakeTransport();
    transport.on('app.status', () => ({ ok: true, value: { ...readyStatus, mode: 'remote' } }));
    transport.on('session.get', () => ({ ok: true, value: { ...sessionWithRoles({}, 'remote'), serviceUrl: 'https://plan.example.com/api', user: null } }));
    renderApp('/', transport);
    const bar = await screen.findByRole('contentinfo');
    await waitFor(() => expect(bar).toHaveTextContent(/^plan\.example\.com\s*·\s*Up to date/));
    act(() =>
      transport.emit({
        type: 'sync.status',
        mode: 'remote',
        state: 'offline',
        online: false,
        lastSyncAt: null,
        pending: 2,
        rejected: 1,
        progress: null,
        message: 'The plan service did not answer.',
        nextAttemptAt: null,
        revision: 1,
      }),
    );
    expect(bar).toHaveTextContent('Offline');
    expect(bar).toHaveTextContent('The plan service did not answer.');
    expect(screen.getByRole('link', { name: '2 changes waiting to send' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 change rejected' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Activity, 1 rejected, 2 waiting to send' })).toBeInTheDocument();
  });

  it('says the groups are on their way while the first sync runs, and lists them when it ends', async () => {
    const transport = createFakeTransport();
    let synced = false;
    const harbor = { groupNumber: '100234', name: 'Harbor Logistics Inc.', region: 'Northern California', activeMembers: 351, role: 'primary_admin', balanceCents: null, balanceDueDate: null } as const;
    transport.on('groups.list', () => ({ ok: true, value: synced ? [harbor] : [] }));
    const syncing = { mode: 'sandbox', state: 'syncing', online: true, lastSyncAt: null, pending: 0, rejected: 0, progress: { groupNumber: '100234', applied: 1200, total: 5000 }, message: null, nextAttemptAt: null, revision: 1 } as const;
    transport.on('sync.status', () => ({ ok: true, value: syncing }));
    renderApp('/', transport);
    expect(await screen.findByRole('status', { name: 'Getting your groups from the plan: Syncing 1,200 of 5,000' })).toBeInTheDocument();
    synced = true;
    act(() => transport.emit({ type: 'sync.status', ...syncing, state: 'idle', progress: null, lastSyncAt: '2026-11-27T09:00:00.000Z' }));
    expect(await screen.findByRole('combobox', { name: 'Group' })).toBeInTheDocument();
  });

  it('opens Settings without a group, so a signed-out user can sign in', async () => {
    const transport = createFakeTransport();
    transport.on('groups.list', () => ({ ok: true, value: [] }));
    transport.on('sync.status', () => ({
      ok: true,
      value: { mode: 'remote', state: 'signed_out', online: false, lastSyncAt: null, pending: 0, rejected: 0, progress: null, message: null, nextAttemptAt: null, revision: 1 },
    }));
    const user = userEvent.setup();
    renderApp('/', transport);
    expect(await screen.findByRole('heading', { name: 'You are signed out' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('takes the user to Settings when the plan starts requiring two-step sign-in of them mid-session', async () => {
    const transport = createFakeTransport();
    const session = { ...sessionWithRoles({ '100234': 'admin', '200587': 'admin' }, 'remote'), twoFactorSetupRequired: false };
    transport.on('session.get', () => ({ ok: true, value: session }));
    renderApp('/members', transport);
    expect(await screen.findByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();
    act(() => transport.emit({ type: 'session.changed', session: { ...session, groups: session.groups.map((g) => ({ ...g, role: 'primary_admin' as const })), twoFactorSetupRequired: true, revision: 2 } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });
});
