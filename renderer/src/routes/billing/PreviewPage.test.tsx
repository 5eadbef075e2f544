import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import { formatUsd } from '@shared/util/money';
import { renderApp } from '../../test-support/render-app';
import { billing, createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderPreview(role: Role = 'primary_admin') {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp('/billing/preview', transport);
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.closest('tbody'));

describe('Next invoice preview', () => {
  it('compares the premiums with the last invoice and lists the differences first, pending ones marked', async () => {
    const user = userEvent.setup();
    renderPreview();
    expect(await screen.findByRole('heading', { level: 1, name: 'Next invoice preview' })).toBeInTheDocument();
    // The heading shows while the preview loads; the figures come with it.
    expect(await screen.findByRole('group', { name: 'Month' })).toHaveTextContent('January 2027To be issued 12/15/2026');
    const { premiumsCents, lastPremiumsCents } = billing.preview;
    const difference = premiumsCents - (lastPremiumsCents ?? 0);
    expect(screen.getByRole('group', { name: 'Premiums' })).toHaveTextContent(
      `${formatUsd(premiumsCents)}${difference >= 0 ? `${formatUsd(difference)} more than` : `${formatUsd(-difference)} less than`} the last invoice (${formatUsd(lastPremiumsCents ?? 0)})`,
    );
    const pending = screen.getByRole('group', { name: 'Pending changes' });
    expect(pending).toHaveTextContent('2');
    expect(within(pending).getByRole('link', { name: 'See them in Activity' })).toHaveAttribute('href', '/activity');

    const table = screen.getByRole('table');
    const rows = bodyRows(table);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent?.match(/Added|Removed|Changed/)?.[0])).toEqual(['Added', 'Removed', 'Changed']);
    expect(within(rows[0] as HTMLElement).getByText('Pending change')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).queryByText('Pending change')).not.toBeInTheDocument();

    const same = billing.preview.lines.filter((l) => l.change === 'same').length;
    await user.click(screen.getByRole('checkbox', { name: `Show unchanged families (${same})` }));
    expect(bodyRows(screen.getByRole('table'))).toHaveLength(billing.preview.lines.length);
  });

  it('is not offered to a billing user, who has no roster to preview from', async () => {
    const { transport } = renderPreview('billing');
    expect(await screen.findByRole('heading', { name: 'Your role (Billing) does not include the group’s members.' })).toBeInTheDocument();
    expect(transport.callsTo('billing.preview')).toEqual([]);
  });
});
