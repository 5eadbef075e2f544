import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { useAnnouncer } from '../../state/announcer';
import { pageSize } from './use-roster-pages';
import { rowHeight } from './RosterGrid';

const grid = () => screen.findByRole('grid', { name: 'Members' });
const bodyRows = (g: HTMLElement) => within(g).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

async function loadedRoster() {
  const view = renderApp('/members');
  await grid();
  // The placeholder grid is replaced by the real one once the total is known: query again.
  await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Members' })).getAllByRole('gridcell')[1]).toHaveTextContent(/,/));
  return { ...view, grid: screen.getByRole('grid', { name: 'Members' }) };
}

describe('Members roster', () => {
  it('shows the first page of active and pending members, families together, and the total', async () => {
    const { grid: g, transport } = await loadedRoster();
    const first = transport.callsTo('members.list')[0];
    expect(first).toMatchObject({ groupNumber: '100234', offset: 0, limit: pageSize, grouping: 'family', statuses: ['active', 'pending'], sort: { by: 'lastName', dir: 'asc' } });
    await waitFor(() => expect(g).toHaveAccessibleDescription(/^\d+ members/));
    const total = Number(/^(\d+)/.exec(g.getAttribute('aria-rowcount') ?? '')?.[1]) - 1;
    expect(g).toHaveAccessibleDescription(new RegExp(`^${total} members`));
    expect(total).toBeGreaterThan(pageSize);
    // Only a screenful (plus overscan) is in the DOM, never the whole roster.
    expect(bodyRows(g).length).toBeLessThan(40);
    expect(within(g).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[↑↓]/g, ''))).toEqual([
      '',
      'Name', 'Member ID', 'Status', 'Plan', 'Tier', 'Relationship', 'Date of birth', 'Effective', 'Termination',
    ]);
    // A dependent follows its subscriber.
    const cells = bodyRows(g).map((r) => within(r).getAllByRole('gridcell')[6]?.textContent);
    expect(cells.slice(0, 2)).toContain('Employee');
  });

  it('gives a cut-off name whole in a tooltip while its row has keyboard focus, and on hover', async () => {
    const user = userEvent.setup();
    const { grid: g } = await loadedRoster();
    const [first, second] = bodyRows(g);
    const name = (row: HTMLElement | undefined) => row?.querySelector('.cell-name .truncate') as HTMLElement;
    const cutName = name(first).textContent;
    // jsdom lays nothing out: this name is the one too wide for its column.
    Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('truncate') && this.textContent === cutName ? 5000 : 0;
      },
    });
    try {
      act(() => first?.focus());
      expect(await screen.findByRole('tooltip')).toHaveTextContent(cutName ?? '');
      // A name that fits gets none.
      act(() => second?.focus());
      await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
      await user.hover(name(first));
      expect(await screen.findByRole('tooltip')).toHaveTextContent(cutName ?? '');
      await user.unhover(name(first));
      await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
    } finally {
      delete (HTMLElement.prototype as { scrollWidth?: number }).scrollWidth;
    }
  });

  it('asks for the next page when the user scrolls to it', async () => {
    const { grid: g, transport } = await loadedRoster();
    act(() => {
      g.scrollTop = (pageSize + 5) * rowHeight;
      fireEvent.scroll(g);
    });
    await waitFor(() => expect(transport.callsTo('members.list').some((c) => c.offset === pageSize && c.limit === pageSize)).toBe(true));
    // The rows of the new page arrive in place of their placeholders.
    await waitFor(() => {
      const row = bodyRows(g).find((r) => r.getAttribute('aria-rowindex') === String(pageSize + 10));
      expect(row && within(row).getAllByRole('gridcell')[1]).toHaveTextContent(/,/);
    });
  });

  it('sorts by a column header, toggles direction and says so with aria-sort', async () => {
    const user = userEvent.setup();
    const { grid: g, transport } = await loadedRoster();
    const header = () => within(screen.getByRole('grid', { name: 'Members' })).getByRole('columnheader', { name: /Date of birth/ });
    expect(header()).toHaveAttribute('aria-sort', 'none');
    expect(within(g).getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(header()).getByRole('button'));
    expect(header()).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)).toMatchObject({ sort: { by: 'dateOfBirth', dir: 'asc' }, offset: 0 }));

    await user.click(within(header()).getByRole('button'));
    await waitFor(() => expect(header()).toHaveAttribute('aria-sort', 'descending'));
    expect(transport.callsTo('members.list').at(-1)).toMatchObject({ sort: { by: 'dateOfBirth', dir: 'desc' } });
  });

  it('searches as the user types, once typing pauses, and shows the count', async () => {
    const user = userEvent.setup();
    const { transport } = await loadedRoster();
    const before = transport.callsTo('members.list').length;
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Okafor');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.query).toBe('Okafor'));
    const queries = transport.callsTo('members.list').slice(before).map((c) => c.query);
    // Debounced: not one query per keystroke.
    expect(queries).not.toContain('O');
    expect(queries).not.toContain('Oka');
    expect(await screen.findByText(/members match “Okafor”/, { selector: '.page-meta' })).toBeInTheDocument();
  });

  it('filters by status, plan and relationship', async () => {
    const user = userEvent.setup();
    const { transport } = await loadedRoster();
    await user.click(screen.getByRole('button', { name: 'Terminated', pressed: false }));
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.statuses).toEqual(['active', 'pending', 'terminated']));

    await user.click(screen.getByRole('button', { name: 'Plan: All' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Gold HMO 20' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.planCodes).toEqual(['HMO-GOLD']));

    await user.click(screen.getByRole('button', { name: 'Relationship: All' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Spouse' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)).toMatchObject({ planCodes: ['HMO-GOLD'], relationships: ['spouse'] }));
  });

  it('moves focus with the keyboard and opens the member with Enter', async () => {
    const user = userEvent.setup();
    const { grid: g } = await loadedRoster();
    const rows = bodyRows(g);
    expect(rows[0]).toHaveAttribute('tabindex', '0');
    expect(rows[1]).toHaveAttribute('tabindex', '-1');
    act(() => rows[0]?.focus());

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '3'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '2'));

    const total = Number(g.getAttribute('aria-rowcount')) - 1;
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', String(total + 1)));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '2'));
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(Number(document.activeElement?.getAttribute('aria-rowindex'))).toBeGreaterThan(10));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '2'));

    const name = within(document.activeElement as HTMLElement).getAllByRole('gridcell')[1]?.textContent ?? '';
    const [last, first] = name.split(', ');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(`${first} ${last}`) })).toBeInTheDocument();
  });

  it('jumps to the end fetching only the last page, not every page between', async () => {
    const user = userEvent.setup();
    const { grid: g, transport } = await loadedRoster();
    const total = Number(g.getAttribute('aria-rowcount')) - 1;
    const lastPageOffset = Math.floor((total - 1) / pageSize) * pageSize;
    expect(lastPageOffset).toBeGreaterThanOrEqual(2 * pageSize);
    act(() => bodyRows(g)[0]?.focus());
    await user.keyboard('{End}');
    await waitFor(() => expect(within(document.activeElement as HTMLElement).getAllByRole('gridcell')[1]).toHaveTextContent(/,/));
    const offsets = transport.callsTo('members.list').map((c) => c.offset);
    expect(offsets).toContain(lastPageOffset);
    expect(offsets).not.toContain(pageSize);
  });

  it('comes back from a member to the same row, focused', async () => {
    const user = userEvent.setup();
    const { grid: g } = await loadedRoster();
    act(() => bodyRows(g)[0]?.focus());
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '5'));
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('link', { name: 'Back to roster' }));
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-rowindex', '5'));
    expect(within(document.activeElement as HTMLElement).getAllByRole('gridcell')[1]).toHaveTextContent(/,/);
  });

  it('refetches when the roster changes', async () => {
    const { transport } = await loadedRoster();
    const before = transport.callsTo('members.list').length;
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    await waitFor(() => expect(transport.callsTo('members.list').length).toBeGreaterThan(before));
    const other = transport.callsTo('members.list').length;
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '999999' }));
    expect(transport.callsTo('members.list').length).toBe(other);
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    await loadedRoster();
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Zzyzx');
    expect(await screen.findByRole('heading', { name: 'No member matches “Zzyzx”' })).toBeInTheDocument();
  });

  it('says how many members the filters hide when a search finds none, and clears the filters', async () => {
    const user = userEvent.setup();
    const { transport } = await loadedRoster();
    // Farid Fischer and his spouse are terminated; the roster starts on active and pending members.
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), '100234006');
    expect(await screen.findByRole('heading', { name: 'No member matches “100234006”' })).toBeInTheDocument();
    expect(screen.getByText(/2 members match outside your filters/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)).toMatchObject({ query: '100234006', statuses: ['active', 'pending', 'terminated'] }));
    expect(transport.callsTo('members.list').at(-1)).not.toHaveProperty('planCodes');
    expect(await screen.findByText(/2 members match “100234006”/, { selector: '.page-meta' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Terminated', pressed: true })).toBeInTheDocument();
  });

  it('does not offer to clear filters when the search finds no one at all', async () => {
    const user = userEvent.setup();
    await loadedRoster();
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'Zzyzx');
    expect(await screen.findByText(/Check the spelling/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('shows the status filter as chips that toggle on their own, each saying whether it is pressed', async () => {
    const user = userEvent.setup();
    const { transport } = await loadedRoster();
    const chips = within(screen.getByRole('group', { name: 'Status' }));
    const chip = (name: string) => chips.getByRole('button', { name });
    expect(chips.getAllByRole('button').map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['✓Active', 'true'], ['✓Pending', 'true'], ['Terminated', 'false'],
    ]);

    await user.click(chip('Terminated'));
    expect(chip('Terminated')).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Terminated')).toHaveTextContent('✓');
    await user.click(chip('Active'));
    await user.click(chip('Pending'));
    expect(chip('Active')).toHaveAttribute('aria-pressed', 'false');
    expect(chip('Pending')).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(transport.callsTo('members.list').at(-1)?.statuses).toEqual(['terminated']));

    await waitFor(() => expect(useAnnouncer.getState().message).toMatch(/^\d+ members$/));
    // The last pressed chip stays pressed, and the press says why instead of doing nothing silently.
    expect(chip('Terminated')).toHaveAttribute('aria-disabled', 'true');
    await user.click(chip('Terminated'));
    expect(chip('Terminated')).toHaveAttribute('aria-pressed', 'true');
    expect(useAnnouncer.getState().message).toBe('At least one status stays selected');
  });
});
