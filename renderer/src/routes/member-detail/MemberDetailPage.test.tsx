import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';

afterEach(() => {
  vi.restoreAllMocks();
  // jsdom has no object URLs; the temporary card test adds them.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

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

  it('keeps a terminated member read-only but for reinstating them', async () => {
    // The fixture's sixth subscriber is terminated.
    renderApp('/members/100234006');
    expect(await screen.findByText('Coverage has ended: a terminated member is kept read-only until coverage is reinstated.')).toBeInTheDocument();
    const actions = screen.getByRole('navigation', { name: 'Member actions' });
    expect(within(actions).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([['Reinstate', '/members/100234006/reinstate']]);
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

  it('prints a temporary ID card for a covered member, and offers none once coverage has ended', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_: Blob) => 'blob:groupdesk/7');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = renderApp('/members/100234004-01');
    view.transport.on('members.temporaryIdCard', (input) => ({ ok: true, value: { fileName: `temporary-id-card-${input.memberId}.pdf`, contentType: 'application/pdf', base64: btoa('%PDF-1.7') } }));
    const button = await screen.findByRole('button', { name: 'Temporary ID card' });
    expect(button).toHaveAccessibleDescription('A printable card, valid until the plan’s card arrives.');
    await user.click(button);
    await waitFor(() => expect(open).toHaveBeenCalledWith('blob:groupdesk/7', '_blank'));
    expect(view.transport.callsTo('members.temporaryIdCard')).toEqual([{ groupNumber: '100234', memberId: '100234004-01' }]);
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(click).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByText('temporary-id-card-100234004-01.pdf downloaded: open it to print.')).toBeInTheDocument());
    view.unmount();

    // The fixture's sixth subscriber is terminated.
    renderApp('/members/100234006');
    await screen.findByRole('heading', { level: 1, name: 'Farid Fischer' });
    expect(screen.queryByRole('button', { name: 'Temporary ID card' })).not.toBeInTheDocument();
  });

  it('says why a temporary ID card could not be made', async () => {
    const user = userEvent.setup();
    const { transport } = renderApp('/members/100234004');
    transport.on('members.temporaryIdCard', () => ({ ok: false, error: { code: 'RULE', message: 'Coverage ended 2026-06-30: ID cards are issued only to covered members.' } }));
    await user.click(await screen.findByRole('button', { name: 'Temporary ID card' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The card could not be made: Coverage ended 06/30/2026: ID cards are issued only to covered members.');
  });
});
