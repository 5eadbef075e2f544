import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';

describe('Dashboard', () => {
  it('shows membership counts and when they were true', async () => {
    const { transport } = renderApp('/');
    const counts = await screen.findByRole('region', { name: 'Membership counts' });
    const group = transport.callsTo('dashboard.counts')[0];
    expect(group?.groupNumber).toBe('100234');

    // Fixture: 180 subscribers, 4 tiers in turn; 10 terminated and 14 pending subscribers among them.
    expect(within(counts).getByRole('group', { name: 'Employees' })).toHaveTextContent('156');
    expect(within(counts).getByRole('group', { name: 'Dependents' })).toHaveTextContent(/\d/);
    const total = within(counts).getByRole('group', { name: 'Total members' });
    expect(total).toBeInTheDocument();
    expect(screen.getByText(/^As of /)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Active members by plan' })).toHaveTextContent('Gold HMO 20');
    expect(screen.getByRole('table', { name: 'Active contracts by tier' })).toHaveTextContent('FAM');
  });

  it('opens the roster filtered to a figure, with the same count', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/');
    const pending = await screen.findByRole('group', { name: 'Pending' });
    const figure = within(pending).getByText(/^\d+$/).textContent;
    await user.click(screen.getByRole('button', { name: 'View pending members in the roster' }));
    expect(await screen.findByRole('grid', { name: 'Members' })).toHaveAccessibleDescription(new RegExp(`^${figure} members`));
    expect(transport.callsTo('members.list').at(-1)?.statuses).toEqual(['pending']);
  });

  it('shows the error and retries', async () => {
    const user = userEvent.setup();
    const transport = (await import('../../test-support/fake-transport')).createFakeTransport();
    let fail = true;
    transport.on('dashboard.counts', (input) => {
      if (fail) return { ok: false, error: { code: 'OFFLINE', message: 'GroupDesk cannot reach its data service.' } };
      return { ok: true, value: { groupNumber: input.groupNumber, asOf: '2026-11-27T07:12:00.000Z', active: { subscribers: 1, dependents: 0, total: 1 }, pending: { subscribers: 0, dependents: 0, total: 0 }, terminated: { subscribers: 0, dependents: 0, total: 0 }, byPlan: [], byTier: [] } };
    });
    renderApp('/', transport);
    expect(await screen.findByRole('alert')).toHaveTextContent('GroupDesk cannot reach its data service.');
    expect(screen.getByText('GroupDesk core not reachable')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Membership counts' })).toBeInTheDocument();
  });
});
