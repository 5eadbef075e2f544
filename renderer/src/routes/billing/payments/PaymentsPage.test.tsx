import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { renderApp } from '../../../test-support/render-app';
import { createFakeTransport, payments, sessionWithRoles } from '../../../test-support/fake-transport';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderAs(role: Role, path = '/billing/payments') {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp(path, transport);
}

const rowsOf = async () => within(await screen.findByRole('table', { name: 'Payments, newest first' })).getAllByRole('row').slice(1);

describe('Payment history', () => {
  it('shows every payment with where it stands and why, newest first', async () => {
    renderAs('billing');
    const rows = await rowsOf();
    expect(rows).toHaveLength(payments.payments.length);
    const [scheduled, queued, processing, needsDate, rejected, returned, cancelled, settled] = rows;
    expect(scheduled).toHaveTextContent('11/30/2026PAY-261127-7KQ4M2$500.00Operating account (checking ••••4321)');
    expect(scheduled).toHaveTextContent('ScheduledSettles 12/01/2026.');
    expect(queued).toHaveTextContent('Waiting to sendSent when this computer is online.');
    expect(queued).toHaveTextContent('Payroll reserve (savings ••••8810)');
    expect(processing).toHaveTextContent('Processing');
    expect(needsDate).toHaveTextContent('Needs a new dateIts date, 11/24/2026, passed while this computer was offline');
    expect(rejected).toHaveTextContent('RejectedThe account Old checking (••••1199) is not verified');
    expect(returned).toHaveTextContent('ReturnedNot enough money in the account: the bank refused the debit. The invoice is open again. (R01)');
    expect(cancelled).toHaveTextContent('Cancelled');
    expect(settled).toHaveTextContent('SettledSettled 10/28/2026, by autopay.');
    expect(within(settled as HTMLElement).getByRole('button', { name: 'Receipt for PAY-261027-2CDF5G (PDF)' })).toBeInTheDocument();
    expect(within(cancelled as HTMLElement).queryByRole('button', { name: /Receipt/ })).not.toBeInTheDocument();
    expect(within(processing as HTMLElement).queryByRole('button', { name: /^Cancel/ })).not.toBeInTheDocument();
  });

  it('cancels a scheduled payment before its cut-off after asking, and a queued one by its outbox row', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('payments.cancel', (input) => {
      const item = 'outboxId' in input ? payments.queued : payments.payments[0];
      return { ok: true, value: { ...(item as PaymentItem), state: 'cancelled' } };
    });
    await rowsOf();
    await user.click(screen.getByRole('button', { name: 'Cancel the payment of $500.00 dated 11/30/2026' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Cancel the payment of $500.00?' });
    expect(ask).toHaveTextContent('It will not be debited from Operating account (checking ••••4321) on 11/30/2026');
    await user.click(within(ask).getByRole('button', { name: 'Cancel payment' }));
    await waitFor(() => expect(transport.callsTo('payments.cancel')).toEqual([{ groupNumber: '100234', confirmationNumber: 'PAY-261127-7KQ4M2' }]));

    await user.click(screen.getByRole('button', { name: 'Cancel the payment of $300.00 dated 11/30/2026' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel payment' }));
    await waitFor(() => expect(transport.callsTo('payments.cancel')[1]).toEqual({ groupNumber: '100234', outboxId: 31 }));
  });

  it('no longer offers to cancel once the date’s cut-off passed', async () => {
    vi.setSystemTime(new Date('2026-11-30T22:01:00Z'));
    renderAs('billing');
    await rowsOf();
    expect(screen.queryByRole('button', { name: 'Cancel the payment of $500.00 dated 11/30/2026' })).not.toBeInTheDocument();
  });

  it('reopens a payment whose date passed offline at the date step, and sends it as its replacement', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('payments.submit', (input) => {
      const { groupNumber: _g, replaces: _r, ...request } = input;
      return { ok: true, value: { ...payments.needsNewDate, outboxId: 42, state: 'queued', request: { ...request, acceptAuthorization: true }, problem: null } };
    });
    await rowsOf();
    await user.click(screen.getByRole('link', { name: 'Choose a new date' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new date' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Step 4 of 5: Date' })).toBeInTheDocument();
    const field = screen.getByLabelText('Payment date');
    expect(field).toHaveValue('');
    await user.type(field, '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 2, name: 'Step 5 of 5: Review' });
    expect(screen.getByText('Four hundred and 00/100 dollars')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'I authorize this debit' }));
    await user.click(screen.getByRole('button', { name: 'Submit payment' }));
    await screen.findByRole('heading', { level: 1, name: 'Payment waiting to send' });
    const request = payments.needsNewDate.request;
    expect(transport.callsTo('payments.submit')).toEqual([
      { groupNumber: '100234', invoiceNumbers: request?.invoiceNumbers, amountCents: 40_000, bankAccountId: request?.bankAccountId, paymentDate: '2026-11-30', authorizationVersion: '2026-11', acceptAuthorization: true, replaces: 27 },
    ]);
  });

  it('follows billing.changed', async () => {
    const { transport } = renderAs('billing');
    await rowsOf();
    transport.on('payments.list', () => ({ ok: true, value: [{ ...payments.payments[0], state: 'processing', payment: { ...payments.scheduled, status: 'processing', cancellableUntil: null } } as PaymentItem] }));
    transport.emit({ type: 'billing.changed', groupNumber: '100234' });
    await waitFor(async () => expect(await rowsOf()).toHaveLength(1));
    expect((await rowsOf())[0]).toHaveTextContent('Processing');
  });

  it.each<Role>(['read_only', 'admin'])('shows %s the history with receipts but nothing to change', async (role) => {
    renderAs(role);
    await rowsOf();
    expect(screen.queryByRole('button', { name: /^Cancel/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Choose a new date' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Pay invoices' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Receipt for/ }).length).toBeGreaterThan(0);
  });
});
