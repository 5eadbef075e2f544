import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

describe('Dashboard without a group', () => {
  it('keeps its heading and points to the two ways into a group', async () => {
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({}, 'remote') }));
    transport.on('groups.list', () => ({ ok: true, value: [] }));
    transport.on('sync.status', () => ({ ok: true, value: { mode: 'remote', state: 'idle', online: true, lastSyncAt: null, pending: 0, rejected: 0, progress: null, message: null, nextAttemptAt: null, revision: 1 } }));
    renderApp('/', transport);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText('You do not have access to a group yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request primary administrator access' })).toHaveAttribute('href', '/access/request');
    expect(screen.getByRole('link', { name: 'Enter an access code' })).toHaveAttribute('href', '/access');
    expect(transport.callsTo('dashboard.counts')).toEqual([]);
  });
});
