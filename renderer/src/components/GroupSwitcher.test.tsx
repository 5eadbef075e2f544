import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../test-support/fake-transport';

describe('Group switcher', () => {
  it('names each group with its member count and balance, and shows the role in the chosen one', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'primary_admin', '200587': 'read_only' }, 'remote') }));
    renderApp('/', transport);
    const select = await screen.findByRole('combobox', { name: 'Group' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Harbor Logistics Inc\. · 100234 · [\d,]+ members · balance \$41,822\.50$/),
      expect.stringMatching(/^Cedar Valley Schools · 200587 · [\d,]+ members · no invoice yet$/),
    ]);
    expect(screen.getByText('Primary administrator')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toBeInTheDocument();

    await user.selectOptions(select, '200587');
    expect(await screen.findByText('Read-only')).toBeInTheDocument();
    // Users is the primary administrator's: it leaves the navigation with the role.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });
});
