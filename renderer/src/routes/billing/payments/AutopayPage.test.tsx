import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { AutopayState } from '@shared/plan-api/payments';
import { renderApp } from '../../../test-support/render-app';
import { billing, createFakeTransport, payments, sessionWithRoles } from '../../../test-support/fake-transport';
import { reserve } from '../../../test-support/payments-fixtures';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

const december = billing.invoices[0];
const active = payments.autopay.enrollment;
if (!december || !active) throw new Error('fixture');

function renderAs(role: Role, autopay?: AutopayState) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  if (autopay) transport.on('payments.autopay', () => ({ ok: true, value: autopay }));
  return renderApp('/billing/autopay', transport);
}

const card = () => screen.findByRole('region', { name: /^Autopay: / });

describe('Autopay', () => {
  it('shows the rule, the account, the next debit and who authorized it', async () => {
    renderAs('billing');
    const region = await card();
    expect(region).toHaveAccessibleName('Autopay: Active');
    expect(region).toHaveTextContent('Operating account (checking ••••4321)');
    expect(region).toHaveTextContent('The total due on each invoice’s due date');
    expect(region).toHaveTextContent(`Next debit$${(december.amountCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} on 11/30/2026, invoice ${december.invoiceNumber}`);
    expect(region).toHaveTextContent('by pat.lee');
  });

  it('says why autopay is suspended', async () => {
    renderAs('billing', { enrollment: { ...active, status: 'suspended', suspendedReason: 'The November debit was returned: the account is closed (R02).', nextDebit: null } });
    const region = await card();
    expect(region).toHaveAccessibleName('Autopay: Suspended');
    expect(region).toHaveTextContent('Suspended: The November debit was returned: the account is closed (R02). Nothing is debited until autopay is enrolled again.');
  });

  it('enrolls with the authorization accepted, a rule of days before and the password', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('primary_admin', { enrollment: null });
    transport.on('payments.enrollAutopay', (input) => ({
      ok: true,
      value: { enrollment: { ...active, bankAccount: { id: reserve.id, nickname: reserve.nickname, accountLast4: reserve.accountLast4, accountType: reserve.accountType }, rule: input.rule } },
    }));
    expect(await card()).toHaveAccessibleName('Autopay: not enrolled');
    await user.click(screen.getByRole('button', { name: 'Enroll in autopay' }));
    const form = await screen.findByRole('form', { name: 'Enroll in autopay' });
    await user.selectOptions(within(form).getByLabelText('Debit from'), reserve.id);
    await user.click(within(form).getByRole('radio', { name: 'Some business days before the due date' }));
    await user.type(within(form).getByLabelText('Business days before the due date'), '3');
    expect(within(form).getByRole('region', { name: 'Autopay authorization' })).toHaveTextContent(
      'I authorize Harbor Health Plan to debit each invoice’s total due from Payroll reserve (savings ••••8810) 3 business days before each invoice’s due date by ACH',
    );
    await user.click(within(form).getByRole('button', { name: 'Enroll in autopay' }));
    expect(await within(form).findByText('Tick “I authorize autopay” to enroll')).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'I authorize autopay' }));
    await user.type(within(form).getByLabelText('Your password'), 'correct horse');
    await user.click(within(form).getByRole('button', { name: 'Enroll in autopay' }));
    await waitFor(() =>
      expect(transport.callsTo('payments.enrollAutopay')).toEqual([
        { groupNumber: '100234', bankAccountId: reserve.id, rule: { timing: 'days_before', daysBefore: 3 }, authorizationVersion: '2026-11', acceptAuthorization: true, password: 'correct horse' },
      ]),
    );
    expect(await card()).toHaveAccessibleName('Autopay: Active');
  });

  it('skips the next debit and cancels autopay, each after asking', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('payments.skipAutopay', (input) => ({ ok: true, value: { enrollment: { ...active, skipped: [input.invoiceNumber], nextDebit: null } } }));
    transport.on('payments.cancelAutopay', () => ({ ok: true, value: { enrollment: { ...active, status: 'cancelled', nextDebit: null } } }));
    await card();
    await user.click(screen.getByRole('button', { name: 'Skip the next debit' }));
    const skip = await screen.findByRole('alertdialog', { name: 'Skip the next autopay debit?' });
    expect(skip).toHaveTextContent('will not be debited on 11/30/2026');
    await user.click(within(skip).getByRole('button', { name: 'Skip this debit' }));
    await waitFor(() => expect(transport.callsTo('payments.skipAutopay')).toEqual([{ groupNumber: '100234', invoiceNumber: december.invoiceNumber }]));
    expect(await screen.findByText(december.invoiceNumber)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel autopay' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Cancel autopay?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel autopay' }));
    await waitFor(() => expect(transport.callsTo('payments.cancelAutopay')).toEqual([{ groupNumber: '100234' }]));
    expect(await card()).toHaveAccessibleName('Autopay: Cancelled');
  });

  it.each<Role>(['read_only', 'admin'])('shows %s autopay without a way to change it', async (role) => {
    renderAs(role);
    await card();
    expect(screen.queryByRole('button', { name: /autopay|Skip/i })).not.toBeInTheDocument();
  });
});
