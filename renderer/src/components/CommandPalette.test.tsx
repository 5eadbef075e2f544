import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';

describe('Command palette', () => {
  it('opens on Ctrl+K, searches, moves with arrows and opens the member with Enter', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/');
    await screen.findByRole('region', { name: 'Membership counts' });

    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Search members' });
    const input = within(dialog).getByRole('combobox', { name: 'Search members' });
    expect(input).toHaveFocus();

    await user.type(input, 'Diaz');
    const options = await within(dialog).findAllByRole('option');
    expect(transport.callsTo('members.search').at(-1)).toMatchObject({ groupNumber: '100234', query: 'Diaz' });
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    const second = within(dialog).getAllByRole('option')[1] as HTMLElement;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', second.id);
    const name = second.querySelector('.palette-name')?.textContent ?? '';
    const [last, first] = name.split(', ');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('heading', { level: 1, name: `${first} ${last}` })).toBeInTheDocument();
  });

  it('closes with Escape and returns focus', async () => {
    const user = userEvent.setup();
    renderApp('/members');
    const trigger = await screen.findByRole('button', { name: 'Find a member' });
    await user.click(trigger);
    expect(await screen.findByRole('dialog', { name: 'Search members' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('region', { name: 'Membership counts' });
    await user.keyboard('{Meta>}k{/Meta}');
    await user.type(await screen.findByRole('combobox', { name: 'Search members' }), 'Qqq');
    expect(await screen.findByText('No member matches “Qqq”.')).toBeInTheDocument();
  });
});
