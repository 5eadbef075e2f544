import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { BankAccount } from '@shared/plan-api/payments';
import { renderApp } from '../../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../../test-support/fake-transport';
import { depositing, reserve } from '../../../test-support/payments-fixtures';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderAs(role: Role) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp('/billing/accounts', transport);
}

const card = (name: string) => screen.getByRole('listitem', { name });

async function openAddDialog() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Add a bank account' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add a bank account' });
  return { user, dialog };
}

/** Types the Operating 2 account into the add dialog, with the account type, verification and password given. */
async function typeAccount({ user, dialog }: Awaited<ReturnType<typeof openAddDialog>>, type: string, verification: RegExp, password: string) {
  await user.type(within(dialog).getByLabelText('Nickname'), 'Operating 2');
  await user.type(within(dialog).getByLabelText('Account holder'), 'Harbor Logistics Inc');
  await user.type(within(dialog).getByLabelText('Routing number'), '021000021');
  await user.type(within(dialog).getByLabelText('Account number'), '000123456789');
  await user.type(within(dialog).getByLabelText('Account number again'), '000123456789');
  await user.click(within(dialog).getByRole('radio', { name: type }));
  await user.click(within(dialog).getByRole('radio', { name: verification }));
  await user.type(within(dialog).getByLabelText('Your password'), password);
}

describe('Bank accounts', () => {
  it('lists each account by its last four digits, with where its verification stands', async () => {
    renderAs('billing');
    await screen.findByRole('list', { name: 'Bank accounts' });
    expect(card('Operating account')).toHaveTextContent('Verified');
    expect(card('Operating account')).toHaveTextContent('••••ending in 4321');
    expect(card('Operating account')).toHaveTextContent('121000358');
    expect(card('New operating')).toHaveTextContent('Prenote sent, usable from 12/02/2026');
    expect(card('Benefits savings')).toHaveTextContent('Enter the two deposits to verify it.');
    expect(within(card('Benefits savings')).getByRole('button', { name: 'Verify Benefits savings' })).toBeInTheDocument();
    expect(card('Old checking')).toHaveTextContent('entered wrong three times');
    expect(card('Closed payroll')).toHaveTextContent('The bank says this account is closed (R02)');
  });

  it('refuses a mistyped routing number at its field as soon as it is typed, and two account numbers that differ', async () => {
    const { transport } = renderAs('billing');
    const { user, dialog } = await openAddDialog();
    const routing = within(dialog).getByLabelText('Routing number');
    await user.type(routing, '121000359');
    await waitFor(() => expect(routing).toHaveAttribute('aria-invalid', 'true'));
    expect(routing).toHaveAccessibleDescription(/This routing number has a typo: check the 9 digits at the bottom left of your check/);
    await user.clear(routing);
    await user.type(routing, '991000358');
    await waitFor(() => expect(routing).toHaveAccessibleDescription(/This is not a US bank routing number/));
    await user.clear(routing);
    await user.type(routing, '121000358');
    await waitFor(() => expect(routing).not.toHaveAttribute('aria-invalid'));

    await user.type(within(dialog).getByLabelText('Nickname'), 'Operating 2');
    await user.type(within(dialog).getByLabelText('Account holder'), 'Harbor Logistics Inc');
    const number = within(dialog).getByLabelText('Account number');
    expect(number).toHaveAttribute('type', 'password');
    expect(number).toHaveAttribute('autocomplete', 'off');
    await user.type(number, '000123456789');
    await user.type(within(dialog).getByLabelText('Account number again'), '000123456780');
    await user.click(within(dialog).getByRole('radio', { name: 'Checking' }));
    await user.click(within(dialog).getByRole('radio', { name: /Prenote/ }));
    await user.type(within(dialog).getByLabelText('Your password'), 'correct horse');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    expect(await within(dialog).findByText('The two account numbers differ')).toBeInTheDocument();
    expect(transport.callsTo('payments.addBankAccount')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Show account number' }));
    expect(number).toHaveAttribute('type', 'text');
  });

  it('adds an account, shows only its last four digits after, and puts a wrong password at its field', async () => {
    const { transport } = renderAs('billing');
    const added: BankAccount = { ...reserve, id: 'BA-5WXY7ZAB', nickname: 'Operating 2', accountLast4: '6789', status: 'verifying', verification: { method: 'prenote', usableFrom: null, triesLeft: null, depositsSent: false } };
    let answer: 'auth' | 'ok' = 'auth';
    transport.on('payments.addBankAccount', () => (answer === 'auth' ? { ok: false, error: { code: 'AUTH', message: 'That password is not right.' } } : { ok: true, value: added }));
    const opened = await openAddDialog();
    const { user, dialog } = opened;
    await typeAccount(opened, 'Savings', /Two small deposits/, 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Your password')).toHaveAccessibleDescription(/That password is not right\./));
    expect(transport.callsTo('payments.addBankAccount')[0]).toEqual({
      groupNumber: '100234',
      nickname: 'Operating 2',
      holderName: 'Harbor Logistics Inc',
      routingNumber: '021000021',
      accountNumber: '000123456789',
      accountNumberAgain: '000123456789',
      accountType: 'savings',
      verification: 'micro_deposits',
      password: 'wrong',
      requestKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });

    answer = 'ok';
    await user.clear(within(dialog).getByLabelText('Your password'));
    await user.type(within(dialog).getByLabelText('Your password'), 'correct horse');
    const listed = vi.fn();
    transport.on('payments.bankAccounts', () => {
      listed();
      return { ok: true, value: [reserve, added] };
    });
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('listitem', { name: 'Operating 2' })).toHaveTextContent('6789');
    expect(document.body.textContent).not.toContain('000123456789');
    expect(listed).toHaveBeenCalled();
    // The same account with the password typed again is the same request to the plan.
    const [first, second] = transport.callsTo('payments.addBankAccount');
    expect(second?.password).toBe('correct horse');
    expect(second?.requestKey).toBe(first?.requestKey);
  });

  it('sends the same account again under the same key after a lost answer, and a changed account under a new one', async () => {
    const { transport } = renderAs('billing');
    transport.on('payments.addBankAccount', () => ({ ok: false, error: { code: 'OFFLINE', message: 'The plan cannot be reached now.' } }));
    const opened = await openAddDialog();
    const { user, dialog } = opened;
    await typeAccount(opened, 'Checking', /Prenote/, 'correct horse');
    const add = () => user.click(within(dialog).getByRole('button', { name: 'Add account' }));
    await add();
    await waitFor(() => expect(transport.callsTo('payments.addBankAccount')).toHaveLength(1));
    await add();
    await waitFor(() => expect(transport.callsTo('payments.addBankAccount')).toHaveLength(2));
    await user.type(within(dialog).getByLabelText('Nickname'), ' B');
    await add();
    await waitFor(() => expect(transport.callsTo('payments.addBankAccount')).toHaveLength(3));
    const keys = transport.callsTo('payments.addBankAccount').map((call) => call.requestKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('verifies an account with the two deposits, saying how many tries are left after a miss', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('primary_admin');
    let tries = 2;
    transport.on('payments.verifyBankAccount', (input) => {
      const right = [...input.amountsCents].sort().join() === '32,45';
      if (!right) tries -= 1;
      return { ok: true, value: right ? { ...depositing, status: 'verified', verification: { ...depositing.verification, triesLeft: null } } : { ...depositing, verification: { ...depositing.verification, triesLeft: tries } } };
    });
    await user.click(await screen.findByRole('button', { name: 'Verify Benefits savings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify Benefits savings' });
    expect(dialog).toHaveTextContent('2 tries left');
    await user.type(within(dialog).getByLabelText('First deposit ($)'), '0.12');
    await user.type(within(dialog).getByLabelText('Second deposit ($)'), '0.45');
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Those amounts do not match the deposits. 1 try left.');

    await user.clear(within(dialog).getByLabelText('First deposit ($)'));
    await user.type(within(dialog).getByLabelText('First deposit ($)'), '32');
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(transport.callsTo('payments.verifyBankAccount')).toEqual([
      { groupNumber: '100234', bankAccountId: depositing.id, amountsCents: [12, 45] },
      { groupNumber: '100234', bankAccountId: depositing.id, amountsCents: [32, 45] },
    ]);
  });

  it('will not remove an account a payment or autopay uses, and removes another after asking', async () => {
    const user = userEvent.setup();
    const { transport } = renderAs('billing');
    transport.on('payments.removeBankAccount', () => ({ ok: true, value: { removed: true } }));
    const inUse = await screen.findByRole('button', { name: 'Remove Operating account' });
    expect(inUse).toBeDisabled();
    expect(inUse).toHaveAccessibleDescription('A scheduled payment or autopay uses it: it can be removed once nothing does.');

    await user.click(screen.getByRole('button', { name: 'Remove Payroll reserve' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Remove Payroll reserve?' });
    expect(transport.callsTo('payments.removeBankAccount')).toEqual([]);
    await user.click(within(ask).getByRole('button', { name: 'Remove account' }));
    await waitFor(() => expect(transport.callsTo('payments.removeBankAccount')).toEqual([{ groupNumber: '100234', bankAccountId: reserve.id }]));
  });

  it.each<Role>(['read_only', 'admin'])('shows %s the accounts without a way to change them', async (role) => {
    renderAs(role);
    await screen.findByRole('list', { name: 'Bank accounts' });
    expect(screen.queryByRole('button', { name: 'Add a bank account' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Verify / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove / })).not.toBeInTheDocument();
  });
});
