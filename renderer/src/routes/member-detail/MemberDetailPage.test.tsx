import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';

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
    expect(screen.getByRole('region', { name: 'Employment' })).toHaveTextContent('Employee classSalaried');
    const history = screen.getByRole('table', { name: 'Coverage history' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);

    const dependents = screen.getByRole('list', { name: 'Dependents' });
    const links = within(dependents).getAllByRole('link');
    expect(links).toHaveLength(3);
    await user.click(links[0] as HTMLElement);
    expect(await screen.findByText(/^Employee:/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Diaz, Dev' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' })).toBeInTheDocument();
  });

  // The fixture's fourth family: the spouse and first child were entered "Same as the employee", the
  // second child's address was typed in.
  it.each([
    ['100234004-01', true],
    ['100234004-03', false],
  ])('says whether dependent %s lives with the employee and follows their moves: %s', async (memberId, linked) => {
    renderApp(`/members/${memberId}`);
    const contact = await screen.findByRole('region', { name: 'Address and contact' });
    if (linked) expect(contact).toHaveTextContent('Lives with the employee (same address)');
    else expect(contact).not.toHaveTextContent('Lives with the employee');
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

  it('offers the changes a subscriber can have, each opening its wizard', async () => {
    renderApp('/members/100234004');
    const actions = await screen.findByRole('navigation', { name: 'Member actions' });
    const links = within(actions).getAllByRole('link');
    // The router writes a digits-only search value as JSON ("100234004"), so it reads back as text.
    expect(links.map((l) => [l.textContent, decodeURIComponent(l.getAttribute('href') ?? '')])).toEqual([
      ['Add a dependent', '/members/100234004/add-dependent'],
      ['Update demographics', '/members/100234004/demographics'],
      ['Request ID card', '/id-cards?members="100234004"'],
      ['Terminate', '/members/100234004/terminate'],
    ]);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('offers no dependent to a dependent, and no second termination', async () => {
    const { transport } = renderApp('/members/100234004-01');
    const actions = await screen.findByRole('navigation', { name: 'Member actions' });
    expect(within(actions).getAllByRole('link').map((l) => l.textContent)).toEqual(['Update demographics', 'Request ID card', 'Terminate']);

    const current = await transport.call('members.get', { groupNumber: '100234', memberId: '100234004-01' });
    if (!current.ok) throw new Error('fixture member missing');
    // A termination already on file (ending at the end of the year): no second one.
    transport.on('members.get', () => ({ ok: true, value: { ...current.value, terminationDate: '2026-12-31' } }));
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Member actions' })).queryByRole('link', { name: 'Terminate' })).not.toBeInTheDocument());
  });

  it('keeps a terminated member read-only', async () => {
    // The fixture's sixth subscriber is terminated.
    renderApp('/members/100234006');
    expect(await screen.findByText('Coverage has ended: a terminated member is kept read-only.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Member actions' })).not.toBeInTheDocument();
  });

  it('says in words why each period of the coverage history ended', async () => {
    renderApp('/members/100234006');
    const history = await screen.findByRole('table', { name: 'Coverage history' });
    const [ended, earlier] = within(history).getAllByRole('row').slice(1);
    expect(ended).toHaveTextContent('Open enrollment changeEnded: Retirement');
    expect(earlier).toHaveTextContent('Initial enrollmentEnded: Tier change');
    expect(history).not.toHaveTextContent(/INS04/);
  });

  it('says when a change to the member is waiting for the plan, with the way to Activity', async () => {
    const { transport } = renderApp('/members/100234004');
    await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' });
    const current = await transport.call('members.get', { groupNumber: '100234', memberId: '100234004' });
    if (!current.ok) throw new Error('fixture member missing');
    transport.on('members.get', () => ({ ok: true, value: { ...current.value, pendingSync: true } }));
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('A change to this member is waiting to be sent to the plan or accepted by it. See Activity');
    expect(within(note).getByRole('link', { name: 'See Activity' })).toHaveAttribute('href', '/activity');
  });

  it('waits for a plan member ID before offering changes to a member enrolled here', async () => {
    const { transport } = renderApp('/members/100234004');
    await screen.findByRole('heading', { level: 1, name: 'Dev Diaz' });
    const current = await transport.call('members.get', { groupNumber: '100234', memberId: '100234004' });
    if (!current.ok) throw new Error('fixture member missing');
    transport.on('members.get', () => ({ ok: true, value: { ...current.value, memberId: 'NEW-12', subscriberId: 'NEW-12', pendingSync: true } }));
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    expect(await screen.findByText(/Changes to this member can be made once the plan has accepted the enrollment/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Member actions' })).not.toBeInTheDocument();
  });
});
