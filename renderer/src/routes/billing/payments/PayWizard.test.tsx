import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { amountInWords } from '@shared/util/amount-words';
import { formatUsd } from '@shared/util/money';
import { renderApp } from '../../../test-support/render-app';
import { billing, createFakeTransport, payments, sessionWithRoles } from '../../../test-support/fake-transport';
import { operating, receiptPdf } from '../../../test-support/payments-fixtures';

afterEach(() => vi.useRealTimers());

function invoice(periodStart: string) {
  const found = billing.invoices.find((i) => i.periodStart === periodStart);
  if (!found) throw new Error(`The billing fixture has no invoice for ${periodStart}`);
  return found;
}
const december = invoice('2026-12-01');
const november = invoice('2026-11-01');
// November left open (past due), so a payment spreads over two invoices.
const novemberOpen = { ...november, status: 'open' as const, paymentStatus: 'past_due' as const };

/** Friday 2026-11-27 at `eastern` (hh:mm, Eastern = UTC−5). */
const at = (eastern: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(`2026-11-27T${eastern}:00-05:00`) });

function renderAs(role: Role, path = '/billing/pay', { twoOpen = true } = {}) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  if (twoOpen) {
    transport.on('billing.invoices', () => ({ ok: true, value: [december, novemberOpen] }));
    transport.on('payments.list', () => ({ ok: true, value: [] }));
  }
  return renderApp(path, transport);
}

const stepHeading = (label: string) => screen.findByRole('heading', { level: 2, name: new RegExp(`Step \\d of 5: ${label}$`) });
const next = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Next' }));

async function setDate(user: ReturnType<typeof userEvent.setup>, date: string) {
  const field = screen.getByLabelText('Payment date');
  await user.clear(field);
  await user.type(field, date);
}

const scheduled = (request: { amountCents: number; paymentDate: string }): PaymentItem => ({
  ...payments.payments[0],
  outboxId: 40,
  state: 'scheduled',
  payment: { ...payments.scheduled, confirmationNumber: 'PAY-261127-QM4K7Z', amountCents: request.amountCents, paymentDate: request.paymentDate, settlementDate: '2026-12-01' },
  request: null,
  problem: null,
  createdAt: '2026-11-27T15:05:00.000Z',
});

describe('Pay wizard', () => {
  it('pays two invoices: allocation oldest first, the date rules, review in words with the authorization, one submit on a double click, then the receipt', async () => {
    at('10:00');
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('payments.submit', (input) => ({ ok: true, value: scheduled(input) }));

    await stepHeading('Invoices');
    const nov = screen.getByRole('checkbox', { name: /November 2026/ });
    const dec = screen.getByRole('checkbox', { name: /December 2026/ });
    expect(nov).toBeChecked();
    expect(dec).toBeChecked();
    expect(nov.closest('label')).toHaveTextContent(`${formatUsd(november.amountCents)} open, due 11/01/2026`);
    await next(user);

    await stepHeading('Amount');
    const balance = november.amountCents + december.amountCents;
    expect(screen.getByRole('radio', { name: new RegExp(`The whole balance: \\${formatUsd(balance)}`) })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Another amount/ }));
    const amount = screen.getByLabelText('Amount to pay ($)');
    await user.type(amount, formatUsd(balance + 1).slice(1));
    await next(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('That is more than the chosen invoices owe');
    const paying = november.amountCents + 10_000;
    await user.clear(amount);
    await user.type(amount, formatUsd(paying).slice(1));
    const table = await screen.findByRole('table', { name: 'Applied oldest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(`November 2026${november.invoiceNumber}${formatUsd(november.amountCents)}${formatUsd(november.amountCents)}$0.00`);
    expect(rows[1]).toHaveTextContent(`December 2026${december.invoiceNumber}${formatUsd(december.amountCents)}$100.00${formatUsd(december.amountCents - 10_000)}`);
    await next(user);

    await stepHeading('Account');
    expect(screen.queryByRole('radio', { name: /New operating/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Not offered until verified: New operating \(verifying\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add or verify a bank account' })).toBeInTheDocument();
    await next(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a verified account to pay from');
    await user.click(screen.getByRole('radio', { name: /Operating account \(checking ••••4321\)/ }));
    await next(user);

    await stepHeading('Date');
    expect(screen.getByText(/It is Friday, November 27 at 10:00 AM Eastern/)).toHaveTextContent('the earliest date now is 11/27/2026');
    expect(screen.getByLabelText('Payment date')).toHaveAccessibleDescription(/Any business day from 11\/27\/2026 to 12\/01\/2026, the due date/);
    await setDate(user, '2026-11-28');
    await next(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a business day: payments are not sent on weekends or federal holidays');
    await setDate(user, '2026-12-02');
    await waitFor(() => expect(screen.getByLabelText('Payment date')).toHaveAccessibleDescription(/Choose a date up to 12\/01\/2026, the due date/));
    await setDate(user, '2026-11-30');
    expect(await screen.findByText(/Sent to the bank on 11\/30\/2026; the money leaves the account on 12\/01\/2026/)).toBeInTheDocument();
    await next(user);

    await stepHeading('Review');
    expect(screen.getByText(amountInWords(paying))).toBeInTheDocument();
    const authorization = screen.getByRole('region', { name: 'Debit authorization' });
    expect(authorization).toHaveTextContent(
      `I authorize Harbor Health Plan to debit ${formatUsd(paying)} (${amountInWords(paying)}) from Operating account (checking ••••4321) on 11/30/2026 by ACH, to pay the invoices shown. I may cancel this payment until 5:00 p.m. Eastern on 11/30/2026.`,
    );
    await user.click(screen.getByRole('button', { name: 'Submit payment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tick “I authorize this debit” to pay');
    expect(transport.callsTo('payments.submit')).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'I authorize this debit' }));
    // Two clicks in the same moment, before the screen can change between them.
    const submit = screen.getByRole('button', { name: 'Submit payment' });
    fireEvent.click(submit);
    fireEvent.click(submit);
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment scheduled' })).toBeInTheDocument();
    expect(transport.callsTo('payments.submit')).toEqual([
      {
        groupNumber: '100234',
        invoiceNumbers: [november.invoiceNumber, december.invoiceNumber],
        amountCents: paying,
        bankAccountId: operating.id,
        paymentDate: '2026-11-30',
        authorizationVersion: '2026-11',
        acceptAuthorization: true,
      },
    ]);
    expect(screen.getByText(/Confirmation number/)).toHaveTextContent('Confirmation number PAY-261127-QM4K7Z. A confirmation is e-mailed to you.');

    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:groupdesk/1'), revokeObjectURL: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Receipt (PDF)' }));
    await waitFor(() => expect(open).toHaveBeenCalled());
    expect(transport.callsTo('payments.receipt')).toEqual([{ groupNumber: '100234', confirmationNumber: 'PAY-261127-QM4K7Z' }]);
    expect(receiptPdf.fileName).toContain('Receipt');
    Reflect.deleteProperty(URL, 'createObjectURL');
    open.mockRestore();
  });

  it('after the 5:00 p.m. cut-off starts at the next business day, and says a payment made offline is queued', async () => {
    at('17:30');
    const user = userEvent.setup();
    const { transport } = renderAs('primary_admin', `/billing/pay?invoice=${december.invoiceNumber}`);
    transport.on('payments.submit', (input) => {
      const { groupNumber: _group, ...request } = input;
      return { ok: true, value: { outboxId: 41, state: 'queued', payment: null, request: { ...request, acceptAuthorization: true }, problem: null, createdAt: '2026-11-27T22:31:00.000Z' } };
    });

    await stepHeading('Invoices');
    expect(screen.getByRole('checkbox', { name: /December 2026/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /November 2026/ })).not.toBeChecked();
    await next(user);
    await stepHeading('Amount');
    await next(user);
    await stepHeading('Account');
    await user.click(screen.getByRole('radio', { name: /Payroll reserve/ }));
    await next(user);
    await stepHeading('Date');
    expect(screen.getByText(/the earliest date now is/)).toHaveTextContent('11/30/2026');
    await setDate(user, '2026-11-27');
    await next(user);
    expect(await screen.findByRole('alert')).toHaveTextContent("The earliest date is 11/30/2026: today's payments are sent at 5:00 p.m. Eastern");
    await user.click(screen.getByRole('button', { name: 'Use the earliest date, 11/30/2026' }));
    await next(user);
    await stepHeading('Review');
    await user.click(screen.getByRole('checkbox', { name: 'I authorize this debit' }));
    await user.click(screen.getByRole('button', { name: 'Submit payment' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment waiting to send' })).toBeInTheDocument();
    expect(screen.getByText('Waiting to send: it goes to the plan when you are online.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Receipt (PDF)' })).not.toBeInTheDocument();
    expect(transport.callsTo('payments.submit')[0]).toMatchObject({ invoiceNumbers: [december.invoiceNumber], amountCents: december.amountCents, paymentDate: '2026-11-30' });
  });

  it('counts payments already scheduled or queued against what is open', async () => {
    at('10:00');
    renderAs('billing', '/billing/pay', { twoOpen: false });
    await stepHeading('Invoices');
    const open = december.amountCents - payments.scheduled.amountCents - payments.processing.amountCents - (payments.queued.request?.amountCents ?? 0);
    expect(screen.getByRole('checkbox', { name: /December 2026/ }).closest('label')).toHaveTextContent(`${formatUsd(open)} open of ${formatUsd(december.amountCents)}`);
    expect(screen.queryByRole('checkbox', { name: /November 2026/ })).not.toBeInTheDocument();
  });

  it.each<Role>(['read_only', 'admin'])('is not offered to %s', async (role) => {
    at('10:00');
    renderAs(role);
    expect(await screen.findByRole('heading', { name: /cannot pay invoices/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
  });
});
