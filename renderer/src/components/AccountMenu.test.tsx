import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../test-support/fake-transport';

const remote = sessionWithRoles({ '100234': 'primary_admin' }, 'remote');

describe('Account menu', () => {
  it('names the user on every screen and signs them out of the plan service', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: remote }));
    transport.on('session.signOut', () => ({ ok: true, value: { ...remote, user: null, groups: [] } }));
    const { history } = renderApp('/members', transport);
    const trigger = await screen.findByRole('button', { name: 'Account: Sandbox Administrator' });
    expect(trigger).toHaveAttribute('title', 'Sandbox Administrator (sandbox.admin)');
    await user.click(trigger);
    const menu = await screen.findByRole('menu');
    expect(menu).toHaveTextContent('Sandbox AdministratorUser ID sandbox.admin');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Settings', 'Sign out']);

    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(transport.callsTo('session.signOut')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Account: Not signed in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Signed out.');
    expect(history.location.pathname).toBe('/members');
  });

  it('on demo data offers leaving the demo, and goes to Settings, from the keyboard', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/members');
    const trigger = await screen.findByRole('button', { name: 'Account: Sandbox Administrator (demo)' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Settings', 'Leave the demo']);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe('/settings'));

    await user.click(trigger);
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Leave the demo' }));
    await waitFor(() => expect(history.location.pathname).toBe('/welcome'));
    expect(await screen.findByRole('button', { name: 'Explore with demo data' })).toBeInTheDocument();
  });

  it('open, leaves the rest of the app readable: no focusable part of it is hidden from screen readers', async () => {
    const user = userEvent.setup();
    renderApp('/members');
    const trigger = await screen.findByRole('button', { name: 'Account: Sandbox Administrator (demo)' });
    await user.click(trigger);
    await screen.findByRole('menu');
    expect(document.querySelectorAll('[aria-hidden="true"] a[href], [aria-hidden="true"] button')).toHaveLength(0);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(trigger).toHaveFocus());
  });
});
