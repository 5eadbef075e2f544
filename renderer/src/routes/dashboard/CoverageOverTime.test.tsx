import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test-support/render-app';

beforeEach(() => {
  // Only the clock: the app's day is 2026-11-27, timers stay real for the queries.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('Coverage over time on the dashboard', () => {
  it('shows the last twelve months in a table with the same numbers the chart draws', async () => {
    const { transport } = renderApp('/');
    const table = await screen.findByRole('table', { name: 'Members covered on the first of each month' });
    expect(transport.callsTo('roster.trend')).toEqual([{ groupNumber: '100234', through: '2026-11-27', months: 12 }]);
    const answer = await transport.call('roster.trend', { groupNumber: '100234', through: '2026-11-27', months: 12 });
    if (!answer.ok) throw new Error(answer.error.message);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual(
      answer.value.map((p) => [p.subscribers, p.dependents, p.subscribers + p.dependents].map((n) => n.toLocaleString('en-US'))),
    );
    // The chart is a picture of the table, out of the accessibility tree and the tab order.
    const chart = document.querySelector('.trend-chart');
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect([...(chart?.querySelectorAll('[tabindex]') ?? [])].filter((e) => e.getAttribute('tabindex') !== '-1')).toEqual([]);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('Dec 2025');
    expect(within(rows[11] as HTMLElement).getByRole('rowheader')).toHaveTextContent('Nov 2026');
  });

  it('counts who was covered on the chosen date, starting from today', async () => {
    const { transport } = renderApp('/');
    const date = await screen.findByLabelText('Date');
    expect(date).toHaveValue('2026-11-27');
    const counts = await screen.findByRole('table', { name: 'Members covered on 11/27/2026' });
    expect(within(counts).getByRole('row', { name: /^Employees \d/ })).toHaveTextContent('Employees156');
    fireEvent.change(date, { target: { value: '2026-12-01' } });
    const later = await screen.findByRole('table', { name: 'Members covered on 12/01/2026' });
    // The fixture's pending employees start on 2026-12-01.
    expect(within(later).getByRole('row', { name: /^Employees \d/ })).toHaveTextContent('Employees169');
    expect(transport.callsTo('roster.counts').at(-1)).toEqual({ groupNumber: '100234', asOf: '2026-12-01' });
  });

  it('links to the roster changes', async () => {
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'See who joined and left' })).toHaveAttribute('href', '/members/changes');
  });
});
