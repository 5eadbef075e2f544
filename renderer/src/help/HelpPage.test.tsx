import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../test-support/fake-transport';

describe('Help', () => {
  it('opens from the navigation and from ? outside a field', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('region', { name: 'Membership counts' });
    await user.keyboard('?');
    expect(await screen.findByRole('heading', { level: 1, name: 'Help' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    await screen.findByRole('region', { name: 'Membership counts' });
    await user.click(screen.getByRole('link', { name: 'Help' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Help' })).toBeInTheDocument();
  });

  it('finds tasks by title, summary and keyword, and says when none matches', async () => {
    const user = userEvent.setup();
    renderApp('/help');
    const box = await screen.findByRole('combobox', { name: 'Search the tasks' });
    const list = screen.getByRole('listbox', { name: 'Tasks' });
    const titles = () => within(list).queryAllByRole('option').map((o) => o.querySelector('.help-result-title')?.textContent);

    await user.type(box, 'enroll an employee');
    expect(titles()[0]).toBe('Enroll an employee');
    await user.clear(box);
    await user.type(box, 'X12 834 file');
    expect(titles()).toEqual(['Download a roster']);
    await user.clear(box);
    await user.type(box, 'census');
    expect(titles()).toEqual(['Download a roster']);

    await user.clear(box);
    await user.type(box, 'xyzzy');
    expect(titles()).toEqual([]);
    expect(screen.getByText('No task matches “xyzzy”. Try another word, or call the plan below.')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
  });

  it('moves through the tasks with the arrows while typing, and opens one with Enter', async () => {
    const user = userEvent.setup();
    renderApp('/help');
    const box = await screen.findByRole('combobox', { name: 'Search the tasks' });
    await user.click(box);
    const options = screen.getAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(options.at(-1)).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{PageUp}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    const chosen = options[1]!.querySelector('.help-result-title')?.textContent ?? '';
    await user.keyboard('{Enter}');
    const title = await screen.findByRole('heading', { level: 1, name: chosen });
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Start the tour' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /^Step 1:\s*Open Members$/ })).toBeInTheDocument();
  });

  it('gives the plan’s contacts that come with the group', async () => {
    renderApp('/help');
    const contacts = await screen.findByRole('region', { name: 'Contact the plan' });
    expect(await within(contacts).findByText(/Group Billing Services/)).toBeInTheDocument();
    expect(within(contacts).getByRole('link', { name: '1-800-555-0134' })).toHaveAttribute('href', 'tel:18005550134');
    expect(within(contacts).getByRole('link', { name: '1-800-555-0162' })).toBeInTheDocument();
    expect(within(contacts).getByRole('link', { name: '1-800-555-0177' })).toBeInTheDocument();
  });

  it('finds a task from the command palette after ?', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('region', { name: 'Membership counts' });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Search members' });
    await user.type(within(dialog).getByRole('combobox'), '?download roster');
    expect(within(dialog).getByRole('combobox', { name: 'Search Help' })).toHaveFocus();
    const names = within(dialog)
      .getAllByRole('option')
      .map((o) => o.querySelector('.palette-name')?.textContent);
    expect(names[0]).toBe('Download a roster');
    expect(names.at(-1)).toBe('Open Help');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Download a roster' })).toBeInTheDocument();
  });

  it('says when the user’s role cannot do the task', async () => {
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'billing' }) }));
    renderApp('/help/enroll-subscriber', transport);
    expect(await screen.findByText(/Your role in this group does not let you do this task/)).toBeInTheDocument();
  });
});
