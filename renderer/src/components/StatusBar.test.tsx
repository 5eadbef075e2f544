import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SyncStatus } from '@shared/contract/methods/sync';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../test-support/fake-transport';
import type { FakeTransport } from '../test-support/fake-transport';
import { useActivityView } from '../state/activity-view-store';
import { formatInstant } from './format';

const idle: SyncStatus = {
  mode: 'sandbox',
  state: 'idle',
  online: true,
  lastSyncAt: '2026-11-27T10:42:00.000Z',
  pending: 0,
  rejected: 0,
  progress: null,
  message: null,
  nextAttemptAt: null,
  revision: 1,
};

/** The screen's clock: shortly after the last sync, so the bar shows a time and the test knows which. */
const now = new Date('2026-11-27T11:00:00.000Z');

/** What the bar shows, item by item (the version and the Sync now button left out). */
const parts = (bar: HTMLElement) => Array.from(bar.children, (c) => c.textContent ?? '').filter((t) => t !== '' && t !== 'Sync now' && !t.startsWith('GroupDesk '));

async function renderBar(transport: FakeTransport = createFakeTransport()) {
  transport.on('sync.status', () => ({ ok: true, value: idle }));
  const view = renderApp('/', transport);
  const bar = await screen.findByRole('contentinfo');
  await waitFor(() => expect(bar).toHaveTextContent('Up to date'));
  const show = (status: Partial<SyncStatus>) => act(() => transport.emit({ type: 'sync.status', ...idle, ...status }));
  return { ...view, bar, show };
}

describe('Status bar', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now }));
  afterEach(() => vi.useRealTimers());

  it.each<[string, Partial<SyncStatus>, string[]]>([
    ['starting', { state: 'starting', lastSyncAt: null }, ['Sandbox·Starting…']],
    ['syncing with progress', { state: 'syncing', progress: { groupNumber: '100234', applied: 12000, total: 250000 } }, ['Sandbox·Syncing 12,000 of 250,000']],
    ['up to date', {}, [`Sandbox·Up to date · last sync ${formatInstant('2026-11-27T10:42:00.000Z', now)}`]],
    [
      'offline',
      { mode: 'remote', state: 'offline', online: false, nextAttemptAt: '2026-11-27T10:45:00.000Z', message: 'The plan service did not answer.' },
      [`Plan service·Offline — retrying at ${formatInstant('2026-11-27T10:45:00.000Z', now)}`, 'The plan service did not answer.'],
    ],
    ['signed out', { mode: 'remote', state: 'signed_out', online: false }, ['Plan service·Signed out', 'Sign in']],
    ['in error', { state: 'error', message: 'The plan service answered in a way GroupDesk cannot use.' }, ['Sandbox·Sync problem', 'The plan service answered in a way GroupDesk cannot use.']],
    [
      'in error with the plan\'s dates',
      { state: 'error', message: 'Coverage ended 2026-10-31: try again after 2026-11-27T11:00Z.' },
      ['Sandbox·Sync problem', `Coverage ended 10/31/2026: try again after ${formatInstant('2026-11-27T11:00Z', now).replace('Today', 'today')}.`],
    ],
  ])('says what sync is doing: %s', async (_name, status, words) => {
    const { bar, show } = await renderBar();
    show(status);
    expect(parts(bar)).toEqual(words);
  });

  it('shows a first sync as members received out of the group’s, on a bar', async () => {
    const { bar, show } = await renderBar();
    show({ state: 'syncing', progress: { groupNumber: '100234', applied: 30000, total: 575000, members: { received: 12000, total: 250000 } } });
    expect(parts(bar)).toContain('Sandbox·Receiving members · 12,000 of 250,000');
    const progress = within(bar).getByRole('progressbar', { name: 'Members received' });
    expect(progress).toHaveAttribute('value', '12000');
    expect(progress).toHaveAttribute('max', '250000');
    show({});
    expect(within(bar).queryByRole('progressbar')).toBeNull();
  });

  it('names the plan service by its host', async () => {
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: { ...sessionWithRoles({}, 'remote'), serviceUrl: 'https://plan.example.com:8443/', user: null } }));
    const { bar, show } = await renderBar(transport);
    show({ mode: 'remote' });
    await waitFor(() => expect(parts(bar)[0]).toMatch(/^plan\.example\.com:8443·Up to date/));
  });

  it('syncs now on request and shows the answer', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('sync.now', () => ({ ok: true, value: { ...idle, state: 'syncing', progress: null } }));
    const { bar } = await renderBar(transport);
    await user.click(within(bar).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(transport.callsTo('sync.now')).toEqual([{}]));
    expect(parts(bar)).toEqual(['Sandbox·Syncing…']);
    expect(screen.getByRole('status')).toHaveTextContent('Syncing…');
  });

  it('hides Sync now while signed out and offers to sign in instead', async () => {
    const user = userEvent.setup();
    const { bar, show, history } = await renderBar();
    show({ mode: 'remote', state: 'signed_out', online: false });
    expect(within(bar).queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('link', { name: 'Sign in' }));
    await waitFor(() => expect(history.location.pathname).toBe('/settings'));
  });

  it('links waiting changes to Activity, and rejected ones to its Rejected tab', async () => {
    const user = userEvent.setup();
    const { bar, show, history } = await renderBar();
    show({ pending: 3, rejected: 1 });
    useActivityView.setState({ tab: 'accepted', page: 2, pageGroup: '100234' });
    await user.click(within(bar).getByRole('link', { name: '3 changes waiting to send' }));
    await waitFor(() => expect(history.location.pathname).toBe('/activity'));
    expect(useActivityView.getState()).toMatchObject({ tab: 'all', page: 0 });
    await user.click(within(bar).getByRole('link', { name: '1 change rejected' }));
    expect(useActivityView.getState().tab).toBe('rejected');
  });

  it('says when the core cannot be reached', async () => {
    const transport = createFakeTransport();
    transport.on('sync.now', () => ({ ok: false, error: { code: 'OFFLINE', message: 'GroupDesk cannot reach its data service.' } }));
    const user = userEvent.setup();
    const { bar } = await renderBar(transport);
    await user.click(within(bar).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(bar).toHaveTextContent('GroupDesk core not reachable'));
    expect(screen.getByRole('status')).toHaveTextContent('Sync did not start: GroupDesk cannot reach its data service.');
  });
});
