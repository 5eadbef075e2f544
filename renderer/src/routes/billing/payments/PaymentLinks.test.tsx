import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import { renderApp } from '../../../test-support/render-app';
import { billing, createFakeTransport, sessionWithRoles } from '../../../test-support/fake-transport';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderAs(role: Role, path: string) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp(path, transport);
}

const december = billing.invoices[0];
if (!december) throw new Error('fixture');

describe('The way to payments', () => {
  it('offers billing users Pay on the overview and Pay this invoice on an open invoice', async () => {
    const user = userEvent.setup();
    const overview = renderAs('billing', '/billing');
    const nav = await screen.findByRole('navigation', { name: 'Payments' });
    expect(nav).toHaveTextContent('Payment historyBank accountsAutopay');
    await user.click(screen.getByRole('link', { name: 'Pay invoices' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pay invoices' })).toBeInTheDocument();
    overview.unmount();

    renderAs('primary_admin', `/billing/invoices/${december.invoiceNumber}`);
    await user.click(await screen.findByRole('link', { name: 'Pay this invoice' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pay invoices' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /December 2026/ })).toBeChecked();
  });

  it.each<Role>(['read_only', 'admin'])('shows %s the links to payments but no Pay button', async (role) => {
    const overview = renderAs(role, '/billing');
    expect(await screen.findByRole('navigation', { name: 'Payments' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Pay invoices' })).not.toBeInTheDocument();
    overview.unmount();
    renderAs(role, `/billing/invoices/${december.invoiceNumber}`);
    await screen.findByRole('heading', { level: 1, name: 'Invoice for December 2026' });
    expect(screen.queryByRole('link', { name: 'Pay this invoice' })).not.toBeInTheDocument();
  });
});
