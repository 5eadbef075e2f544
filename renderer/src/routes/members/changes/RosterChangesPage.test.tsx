import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../test-support/render-app';
import { createFakeTransport, type FakeTransport } from '../../../test-support/fake-transport';
import { installFakeFiles } from '../../../test-support/fake-files';
import { formatDatesIn } from '../../../components/format';

beforeEach(() => {
  // Only the clock: the app's day is 2026-11-27, timers stay real for the queries and user events.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** The fixture's changes: employees terminated on 2026-06-30 and pending ones starting 2026-12-01, with their families. */
async function showJuneToDecember() {
  fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-06-01' } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-01' } });
  return screen.findByRole('table', { name: 'Roster changes from 06/01/2026 to 12/01/2026' });
}

async function expected(transport: FakeTransport, input: { change?: 'added' | 'terminated'; offset?: number } = {}) {
  const answer = await transport.call('roster.diff', { groupNumber: '100234', from: '2026-06-01', to: '2026-12-01', limit: 50, ...input });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

const memberLinks = (table: HTMLElement) => within(table).getAllByRole('link').map((link) => link.textContent);

describe('Roster changes', () => {
  it('starts at the first of last month and says when nothing changed', async () => {
    const { transport } = renderApp('/members/changes');
    expect(await screen.findByRole('heading', { name: 'No changes' })).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveValue('2026-10-01');
    expect(screen.getByLabelText('To')).toHaveValue('2026-11-27');
    expect(transport.callsTo('roster.diff')[0]).toMatchObject({ groupNumber: '100234', from: '2026-10-01', to: '2026-11-27', offset: 0, limit: 50 });
  });

  it('lists the changes with their counts, links each member to their record and pages', async () => {
    const user = userEvent.setup({ delay: null });
    const { transport } = renderApp('/members/changes');
    const table = await showJuneToDecember();
    const all = await expected(transport);
    expect(all.total).toBeGreaterThan(50);
    expect(screen.getByRole('button', { name: `Added ${all.added}` })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: `Terminated ${all.terminated}` })).toBeInTheDocument();
    expect(memberLinks(table)).toEqual(all.rows.map((r) => r.name));
    const first = all.rows[0];
    expect(within(table).getByRole('link', { name: first?.name })).toHaveAttribute('href', `/members/${first?.memberId}`);
    // The core writes its dates as data; the table shows them in the screen's one format.
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(formatDatesIn(first?.details[0] ?? 'missing'));
    expect(within(table).getAllByRole('row')[1]?.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const pager = screen.getByRole('navigation', { name: 'Pages of roster changes' });
    expect(pager).toHaveTextContent(`1–50 of ${all.total}`);
    await user.click(within(pager).getByRole('button', { name: 'Next' }));
    const second = await expected(transport, { offset: 50 });
    await vi.waitFor(() => expect(memberLinks(screen.getByRole('table', { name: /^Roster changes from/ }))).toEqual(second.rows.map((r) => r.name)));
  });

  it('shows one kind at a time with the chips, from the keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    const { transport } = renderApp('/members/changes');
    await showJuneToDecember();
    const all = await expected(transport);
    const added = screen.getByRole('button', { name: `Added ${all.added}` });
    added.focus();
    await user.keyboard('{Enter}');
    expect(added).toHaveAttribute('aria-pressed', 'true');
    expect(transport.callsTo('roster.diff').at(-1)).toMatchObject({ change: 'added', offset: 0 });
    const onlyAdded = await expected(transport, { change: 'added' });
    await vi.waitFor(() => expect(memberLinks(screen.getByRole('table', { name: /^Roster changes from/ }))).toEqual(onlyAdded.rows.map((r) => r.name)));
    // Tab moves on through the other chips and the table's scroll region to the first member's record.
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      const focused = document.activeElement;
      order.push(focused?.getAttribute('role') === 'region' ? 'the table, to scroll it' : (focused?.textContent ?? null));
    }
    expect(order).toEqual([`Terminated ${all.terminated}`, 'Changed 0', 'the table, to scroll it', onlyAdded.rows[0]?.name]);
    for (let i = 0; i < 4; i++) await user.tab({ shift: true });
    expect(document.activeElement).toBe(added);
    await user.keyboard(' ');
    expect(added).toHaveAttribute('aria-pressed', 'false');
  });

  it('refuses a range that runs backwards, next to the date', async () => {
    const { transport } = renderApp('/members/changes');
    await screen.findByRole('heading', { name: 'No changes' });
    const calls = transport.callsTo('roster.diff').length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-15' } });
    expect(screen.getByLabelText('From')).toHaveAccessibleDescription('Choose a date on or before 11/27/2026.');
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled();
    expect(transport.callsTo('roster.diff')).toHaveLength(calls);
  });

  it('exports the range in the chosen format and hands the file to the host to save', async () => {
    const user = userEvent.setup({ delay: null });
    const transport = createFakeTransport();
    const { saveFile } = installFakeFiles(transport);
    renderApp('/members/changes', transport);
    await showJuneToDecember();
    await user.selectOptions(screen.getByLabelText('Format'), 'Excel');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await vi.waitFor(() => expect(saveFile).toHaveBeenCalledWith({ fileId: '0f8fad5b-d9cb-469f-a165-70867728950e', fileName: 'roster-changes-100234-2026-06-01-to-2026-12-01.xlsx' }));
    expect(transport.callsTo('roster.exportDiff')[0]).toMatchObject({ groupNumber: '100234', from: '2026-06-01', to: '2026-12-01', format: 'xlsx' });
    expect(await screen.findByText(/^Saved roster-changes-100234-2026-06-01-to-2026-12-01\.xlsx/, { selector: '.export-changes span' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();
  });
});
