import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { chooseGroup } from '../../test-support/choose-group';
import { useAnnouncer } from '../../state/announcer';
import { useRosterSelection } from './selection-store';

const initialSelection = useRosterSelection.getState();
beforeEach(() => useRosterSelection.setState(initialSelection, true));

const theGrid = () => screen.getByRole('grid', { name: 'Members' });
const bodyRows = () => within(theGrid()).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
const rowAt = (rowIndex: number) => bodyRows().find((r) => r.getAttribute('aria-rowindex') === String(rowIndex)) as HTMLElement;
const memberIdOf = (row: HTMLElement) => within(row).getAllByRole('gridcell')[2]?.textContent ?? '';
const announced = () => useAnnouncer.getState().message;
const selectedIds = () => [...useRosterSelection.getState().rows.keys()];

async function loadedRoster() {
  const view = renderApp('/members');
  await waitFor(() => expect(within(theGrid()).getAllByRole('gridcell')[1]).toHaveTextContent(/,/));
  return view;
}

describe('Roster selection', () => {
  it('ticks the focused row with Space, a range with Shift+Space, and says how many are selected', async () => {
    const user = userEvent.setup();
    await loadedRoster();
    expect(theGrid()).toHaveAttribute('aria-multiselectable', 'true');
    act(() => rowAt(2).focus());

    await user.keyboard(' ');
    await waitFor(() => expect(rowAt(2)).toHaveAttribute('aria-selected', 'true'));
    expect(announced()).toBe('1 member selected');
    expect(within(rowAt(2)).getByRole('checkbox')).toBeChecked();
    const bar = screen.getByRole('region', { name: 'Selected members' });
    expect(bar).toHaveTextContent('1 selected');

    // Space again clears it; focus never left the row.
    await user.keyboard(' ');
    await waitFor(() => expect(rowAt(2)).toHaveAttribute('aria-selected', 'false'));
    expect(announced()).toBe('No members selected');
    expect(document.activeElement).toBe(rowAt(2));

    await user.keyboard(' {ArrowDown}{ArrowDown}{ArrowDown}{Shift>} {/Shift}');
    await waitFor(() => expect(announced()).toBe('4 members selected'));
    for (const index of [2, 3, 4, 5]) expect(rowAt(index)).toHaveAttribute('aria-selected', 'true');
    expect(rowAt(6)).toHaveAttribute('aria-selected', 'false');
    expect(selectedIds()).toEqual([2, 3, 4, 5].map((i) => memberIdOf(rowAt(i))));
    expect(screen.getByRole('region', { name: 'Selected members' })).toHaveTextContent('4 selected');
  });

  it('ticks with the checkbox, selects a range with Shift+click, toggles with Ctrl+click, and opens with a plain click', async () => {
    const user = userEvent.setup();
    await loadedRoster();
    await user.click(within(rowAt(3)).getByRole('checkbox', { name: /^Select / }));
    expect(rowAt(3)).toHaveAttribute('aria-selected', 'true');
    // The checkbox does not keep focus: the row does, so the keyboard carries on from there.
    expect(document.activeElement).toBe(rowAt(3));

    await user.keyboard('{Shift>}');
    await user.click(within(rowAt(6)).getByRole('checkbox'));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(announced()).toBe('4 members selected'));
    for (const index of [3, 4, 5, 6]) expect(rowAt(index)).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Control>}');
    await user.click(rowAt(4));
    await user.keyboard('{/Control}');
    expect(rowAt(4)).toHaveAttribute('aria-selected', 'false');
    expect(announced()).toBe('3 members selected');

    // Shift+click on a row (not its checkbox) extends from the same anchor.
    await user.keyboard('{Shift>}');
    await user.click(rowAt(2));
    await user.keyboard('{/Shift}');
    expect(rowAt(2)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(selectedIds()).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Selected members' })).not.toBeInTheDocument();

    const name = within(rowAt(2)).getAllByRole('gridcell')[1]?.textContent ?? '';
    const [last, first] = name.split(', ');
    await user.click(rowAt(2));
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(`${first} ${last}`) })).toBeInTheDocument();
  });

  it('selects every member matching the search and filters, and clears them again', async () => {
    const user = userEvent.setup();
    const { transport } = await loadedRoster();
    const total = Number(theGrid().getAttribute('aria-rowcount')) - 1;
    const all = within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' });
    expect(all).not.toBeChecked();

    await user.click(all);
    await waitFor(() => expect(announced()).toBe(`${total} members selected`));
    const reads = transport.callsTo('members.list').filter((c) => c.limit === total);
    expect(reads).toEqual([expect.objectContaining({ offset: 0, limit: total, statuses: ['active', 'pending'], grouping: 'family' })]);
    expect(selectedIds()).toHaveLength(total);
    expect(within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' })).toBeChecked();
    expect(rowAt(2)).toHaveAttribute('aria-selected', 'true');

    // Unticking one leaves the header mixed.
    act(() => rowAt(2).focus());
    await user.keyboard(' ');
    await waitFor(() => expect(within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' })).toHaveProperty('indeterminate', true));
    await user.click(within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' }));
    await waitFor(() => expect(within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' })).toBeChecked());
    await user.click(within(theGrid()).getByRole('checkbox', { name: 'Select all matching members' }));
    expect(selectedIds()).toEqual([]);
    expect(announced()).toBe('No members selected');
  });

  it('keeps the selection while searching, and starts empty in another group', async () => {
    const user = userEvent.setup();
    await loadedRoster();
    act(() => rowAt(2).focus());
    await user.keyboard(' ');
    const ticked = selectedIds();
    expect(ticked).toHaveLength(1);
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Okafor');
    await waitFor(() => expect(screen.getByText(/members match “Okafor”/, { selector: '.page-meta' })).toBeInTheDocument());
    // Search for one name after another and tick each: what was ticked before stays ticked.
    expect(selectedIds()).toEqual(ticked);
    expect(screen.getByRole('region', { name: 'Selected members' })).toHaveTextContent('1 selected');

    await chooseGroup(user, '200587');
    await waitFor(() => expect(selectedIds()).toEqual([]));
    expect(screen.queryByRole('region', { name: 'Selected members' })).not.toBeInTheDocument();
  });

  it('offers enrolling a subscriber from the roster', async () => {
    await loadedRoster();
    expect(screen.getByRole('link', { name: 'Enroll an employee' })).toHaveAttribute('href', '/enroll');
  });

  it('shows which members have a change not yet accepted by the plan', async () => {
    const { transport } = await loadedRoster();
    transport.on('members.list', () => {
      return { ok: true, value: { total: 1, asOf: '2026-11-27T07:12:00.000Z', rows: [{ memberId: 'NEW-7', subscriberId: 'NEW-7', relationship: 'subscriber', firstName: 'Ada', lastName: 'Quill', dateOfBirth: '1990-01-02', planCode: 'HMO-GOLD', planName: 'Gold HMO 20', tier: 'EMP', status: 'pending', effectiveDate: '2026-12-01', terminationDate: null, ssnLast4: '1234', pendingSync: true }] } };
    });
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    await waitFor(() => expect(rowAt(2)).toHaveTextContent('Quill, Ada'));
    const name = within(rowAt(2)).getAllByRole('gridcell')[1] as HTMLElement;
    expect(name).toHaveTextContent('Quill, AdaPending: a change is waiting for the plan');
    expect(within(name).getByTitle('Saved here; waiting to be sent to the plan or for its answer')).toHaveTextContent(/^Pending/);
    // Enrolled here and not yet accepted: no plan ID for a bulk action to name.
    expect(within(rowAt(2)).getByRole('checkbox', { name: 'Select Quill, Ada' })).toBeDisabled();
  });
});
