import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/renderApp';

describe('Member detail', () => {
  it('shows a subscriber with masked SSN, coverage, history and links to dependents', async () => {
    const user = userEvent.setup();
    // The fixture's fourth subscriber has tier FAM: a spouse and two children.
    renderApp('/members/100234004');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' })).toBeInTheDocument();
    expect(screen.getByText('***-**-0111')).toBeInTheDocument();
    expect(screen.queryByText(/\d{3}-\d{2}-\d{4}/)).not.toBeInTheDocument();
    const coverage = screen.getByRole('region', { name: 'Current coverage' });
    expect(coverage).toHaveTextContent('Gold HMO 20');
    expect(coverage).toHaveTextContent('FAM · Family');
    expect(screen.getByRole('region', { name: 'Employment' })).toHaveTextContent('Full time');
    const history = screen.getByRole('table', { name: 'Coverage history' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);

    const dependents = screen.getByRole('list', { name: 'Dependents' });
    const links = within(dependents).getAllByRole('link');
    expect(links).toHaveLength(3);
    await user.click(links[0] as HTMLElement);
    expect(await screen.findByText(/^Subscriber:/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Diaz, Dev' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' })).toBeInTheDocument();
  });

  it('says when the member is not in this group', async () => {
    renderApp('/members/999999999');
    expect(await screen.findByRole('heading', { name: 'No such member in this group' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to roster' })).toHaveAttribute('href', '/members');
  });

  it('goes back to the roster with its filters kept', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/members');
    await user.click(await screen.findByRole('button', { name: 'Terminated', pressed: false }));
    await user.click(await screen.findByRole('link', { name: 'Dashboard' }));
    await user.click(await screen.findByRole('link', { name: 'Members' }));
    expect(await screen.findByRole('button', { name: 'Terminated', pressed: true })).toBeInTheDocument();
    expect(transport.callsTo('members.list').at(-1)?.statuses).toEqual(['active', 'pending', 'terminated']);
  });
});
