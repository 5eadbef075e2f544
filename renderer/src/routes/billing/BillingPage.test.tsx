import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { NotificationItem } from '@shared/contract/methods/notifications';
import { renderApp } from '../../test-support/render-app';
import { billing, createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';
import { decemberNumber } from '../../test-support/billing-fixtures';
import { useGroupStore } from '../../state/group-store';

// The desktop's day: after the December invoice was issued, before it is due.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderAs(role: Role, path = '/billing') {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp(path, transport);
}

const figure = (name: string) => screen.getByRole('group', { name });

describe('Billing overview', () => {
  it('shows the balance, what is due and when, the latest invoice, the last payment and every invoice', async () => {
    const user = userEvent.setup();
    renderAs('primary_admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();
    const december = billing.invoices[0];
    if (!december) throw new Error('fixture');
    await waitFor(() => expect(figure('Open balance')).toHaveTextContent(/\$[\d,]+\.\d\d/));
    expect(figure('Amount due')).toHaveTextContent('Due 12/01/2026');
    expect(figure('Latest invoice')).toHaveTextContent('December 2026');
    expect(figure('Latest invoice')).toHaveTextContent('Open');
    expect(figure('Last payment')).toHaveTextContent('Received 10/28/2026');

    const table = await screen.findByRole('table', { name: 'Invoices, newest month first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(`December 2026${decemberNumber}11/15/202612/01/2026`);
    expect(rows[0]).toHaveTextContent('Open');
    expect(rows[1]).toHaveTextContent('Paid');
    expect(screen.getByRole('link', { name: 'Preview next invoice' })).toBeInTheDocument();

    await user.click(within(table).getByRole('link', { name: 'December 2026' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice for December 2026' })).toBeInTheDocument();
  });

  it('says when a group has no invoice and no payment yet', async () => {
    renderAs('primary_admin');
    await screen.findByRole('heading', { level: 1, name: 'Billing' });
    act(() => useGroupStore.getState().setGroup('200587'));
    expect(await screen.findByRole('heading', { name: 'No invoices yet' })).toBeInTheDocument();
    expect(screen.getByText(/The first is issued on the 15th of the month before coverage, and appears here/)).toBeInTheDocument();
    await waitFor(() => expect(figure('Last payment')).toHaveTextContent('No payments yet'));
    expect(figure('Latest invoice')).toHaveTextContent('None yet');
  });

  it('switches to paperless after saying what changes, and shows who changed it', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('primary_admin');
    transport.on('billing.setPreferences', (input) => ({ ok: true, value: { paperless: input.paperless, noticeRecipients: null, updatedBy: 'sandbox.admin', updatedAt: '2026-11-27T14:55:00.000Z' } }));
    const delivery = await screen.findByRole('region', { name: 'Invoice delivery' });
    expect(await within(delivery).findByText(/Last changed by pat\.lee/)).toBeInTheDocument();
    expect(within(delivery).getByRole('radio', { name: 'Paper' })).toBeChecked();

    await user.click(within(delivery).getByRole('radio', { name: 'Paperless' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Switch to paperless invoices?' });
    expect(dialog).toHaveTextContent('Paper invoices will stop; you’ll get an e-mail when each invoice is issued.');
    expect(dialog).toHaveTextContent('primary administrators are e-mailed');
    expect(transport.callsTo('billing.setPreferences')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Go paperless' }));

    await waitFor(() => expect(within(delivery).getByRole('radio', { name: 'Paperless' })).toBeChecked());
    expect(transport.callsTo('billing.setPreferences')).toEqual([{ groupNumber: '100234', paperless: true, noticeRecipients: null }]);
    expect(within(delivery).getByText(/Last changed by sandbox\.admin/)).toBeInTheDocument();
  });

  it('keeps delivery as it was and says why when the plan cannot be reached', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('billing.setPreferences', () => ({ ok: false, error: { code: 'OFFLINE', message: 'The plan service cannot be reached.' } }));
    const delivery = await screen.findByRole('region', { name: 'Invoice delivery' });
    await user.click(await within(delivery).findByRole('radio', { name: 'Paperless' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Go paperless' }));
    expect(await within(delivery).findByRole('alert')).toHaveTextContent('could not be reached, so invoice delivery was not changed');
    expect(within(delivery).getByRole('radio', { name: 'Paper' })).toBeChecked();
  });

  it('shows a read-only user the delivery as text, with nothing to change', async () => {
    renderAs('read_only');
    const delivery = await screen.findByRole('region', { name: 'Invoice delivery' });
    expect(await within(delivery).findByText('Paper: invoices are printed and mailed')).toBeInTheDocument();
    expect(within(delivery).queryByRole('radio')).not.toBeInTheDocument();
  });

  it('asks again when the core says the group’s billing changed, and reloads the switcher’s balances', async () => {
    const { transport } = renderAs('primary_admin');
    await screen.findByRole('table', { name: 'Invoices, newest month first' });
    const before = { overview: transport.callsTo('billing.overview').length, invoices: transport.callsTo('billing.invoices').length, groups: transport.callsTo('groups.list').length };
    act(() => transport.emit({ type: 'billing.changed', groupNumber: '100234' }));
    await waitFor(() => expect(transport.callsTo('billing.invoices').length).toBe(before.invoices + 1));
    expect(transport.callsTo('billing.overview').length).toBe(before.overview + 1);
    expect(transport.callsTo('groups.list').length).toBeGreaterThan(before.groups);
  });
});

describe('Billing for the billing role', () => {
  it('offers Billing but not Members in the navigation, and shows the balance on the dashboard', async () => {
    const user = userEvent.setup();
    renderAs('billing', '/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Billing' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Members' })).not.toBeInTheDocument();
    await waitFor(() => expect(figure('Amount due')).toHaveTextContent('Due 12/01/2026'));
    await user.click(screen.getByRole('link', { name: 'Go to Billing' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();
    // The preview compares the roster, which this role does not have.
    await screen.findByRole('table', { name: 'Invoices, newest month first' });
    expect(screen.queryByRole('link', { name: 'Preview next invoice' })).not.toBeInTheDocument();
  });
});

describe('Invoice notifications', () => {
  it('opens the invoice an invoice.issued notification points to', async () => {
    const user = userEvent.setup();
    const items: NotificationItem[] = [
      {
        id: 9,
        groupNumber: '100234',
        kind: 'invoice.issued',
        title: 'December invoice issued',
        body: 'Harbor Logistics Inc.: $91,002.33 due 12/01/2026.',
        link: `#/billing/invoices/${decemberNumber}`,
        transactionId: null,
        about: null,
        read: false,
        createdAt: '2026-11-15T08:00:00.000Z',
      },
    ];
    const transport = createFakeTransport();
    transport.on('notifications.list', () => ({ ok: true, value: { unread: items.filter((n) => !n.read).length, items } }));
    transport.on('notifications.markRead', () => ({ ok: true, value: { unread: 0 } }));
    renderApp('/', transport);
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Notifications' })).getByRole('button', { name: /December invoice issued/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice for December 2026' })).toBeInTheDocument();
    expect(transport.callsTo('notifications.markRead')).toEqual([{ ids: [9] }]);
  });
});
