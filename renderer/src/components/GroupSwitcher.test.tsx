import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../test-support/fake-transport';
import { useGroupStore } from '../state/group-store';

function renderTwoGroups() {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'primary_admin', '200587': 'read_only' }, 'remote') }));
  return renderApp('/', transport);
}

describe('Group switcher', () => {
  it('names each group in full with its number, member count, balance and the user’s role there', async () => {
    const user = userEvent.setup();
    renderTwoGroups();
    const trigger = await screen.findByRole('combobox', { name: 'Group' });
    expect(trigger).toHaveTextContent(/^Harbor Logistics Inc\. · 100234 · [\d,]+ members · balance \$41,822\.50$/);
    expect(screen.getByText('Primary administrator')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toBeInTheDocument();

    await user.click(trigger);
    const list = await screen.findByRole('listbox', { name: 'Group' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Harbor Logistics Inc\. · 100234 · [\d,]+ members · balance \$41,822\.50 · Your role: Primary administrator$/),
      expect.stringMatching(/^Cedar Valley Schools · 200587 · [\d,]+ members · no invoice yet · Your role: Read-only$/),
    ]);
    expect(within(list).getByRole('option', { selected: true })).toHaveTextContent(/^Harbor Logistics/);

    await user.click(within(list).getByRole('option', { name: /Cedar Valley Schools/ }));
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(await screen.findByText('Read-only')).toBeInTheDocument();
    expect(trigger).toHaveTextContent(/^Cedar Valley Schools · 200587/);
    // Users is the primary administrator's: it leaves the navigation with the role.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('says how far a first sync has brought a group’s roster instead of counting members not there yet', async () => {
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'primary_admin', '200587': 'read_only' }, 'remote') }));
    transport.on('groups.list', () => ({
      ok: true,
      value: [
        { groupNumber: '100234', name: 'Harbor Logistics Inc.', region: 'Northern California', activeMembers: 4_000, role: 'primary_admin', balanceCents: 4_182_250, balanceDueDate: '2026-12-01' },
        { groupNumber: '200587', name: 'Cedar Valley Schools', region: 'Colorado', activeMembers: 0, role: 'read_only', balanceCents: null, balanceDueDate: null },
      ],
    }));
    const user = userEvent.setup();
    renderApp('/', transport);
    const trigger = await screen.findByRole('combobox', { name: 'Group' });
    const syncing = { type: 'sync.status', mode: 'remote', state: 'syncing', online: true, lastSyncAt: null, pending: 0, rejected: 0, message: null, nextAttemptAt: null, revision: 5 } as const;
    act(() => transport.emit({ ...syncing, progress: { groupNumber: '100234', applied: 4_000, total: 12_000, members: { received: 4_000, total: 12_000 } } }));
    expect(trigger).toHaveTextContent(/^Harbor Logistics Inc\. · 100234 · 4,000 of 12,000 members received · balance \$41,822\.50$/);
    // The group the sync has not reached yet has no members here: they are coming, not zero.
    await user.click(trigger);
    expect(within(await screen.findByRole('listbox', { name: 'Group' })).getByRole('option', { name: /Cedar Valley Schools/ })).toHaveTextContent(/· 200587 · members on their way · no invoice yet/);
    await user.keyboard('{Escape}');
    act(() => transport.emit({ ...syncing, state: 'idle', progress: null, lastSyncAt: '2026-11-27T09:00:00.000Z', revision: 6 }));
    expect(trigger).toHaveTextContent(/^Harbor Logistics Inc\. · 100234 · 4,000 members · balance/);
  });

  it('works from the keyboard: arrows, Home and End, type-ahead, Enter to choose and Escape to close', async () => {
    const user = userEvent.setup();
    renderTwoGroups();
    const trigger = await screen.findByRole('combobox', { name: 'Group' });
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const list = await screen.findByRole('listbox', { name: 'Group' });
    await waitFor(() => expect(list).toHaveFocus());
    const activeText = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent;
    // The list opens on the chosen group.
    expect(activeText()).toMatch(/^Harbor Logistics/);
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toMatch(/^Cedar Valley/);
    await user.keyboard('{Home}');
    expect(activeText()).toMatch(/^Harbor Logistics/);
    await user.keyboard('{End}');
    expect(activeText()).toMatch(/^Cedar Valley/);
    await user.keyboard('h');
    expect(activeText()).toMatch(/^Harbor Logistics/);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    expect(useGroupStore.getState().groupNumber).toBe('100234');

    await user.keyboard('{Enter}');
    await screen.findByRole('listbox', { name: 'Group' });
    await user.keyboard('c{Enter}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(useGroupStore.getState().groupNumber).toBe('200587');
    expect(trigger).toHaveFocus();
  });
});
