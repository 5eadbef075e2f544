import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TermsOfService } from '@shared/plan-api/bill-pay';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

const terms: TermsOfService = {
  version: '2026-01',
  title: 'Bill Pay Terms of Service',
  text: 'These terms govern online payment of your group’s premium invoices.\n\nYou authorize debits from the bank account you name.',
  effectiveOn: '2026-01-01',
};

function renderSignUp() {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({}, 'remote') }));
  transport.on('groups.list', () => ({ ok: true, value: [] }));
  transport.on('billPay.terms', () => ({ ok: true, value: terms }));
  return renderApp('/bill-pay/sign-up', transport);
}

describe('Bill Pay sign-up', () => {
  it('shows the terms whole in a scrollable region named by their title, with their version', async () => {
    renderSignUp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign up for Bill Pay' })).toBeInTheDocument();
    const region = await screen.findByRole('region', { name: 'Bill Pay Terms of Service' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveTextContent('Version 2026-01, in effect from 01/01/2026');
    expect(within(region).getByText('You authorize debits from the bank account you name.')).toBeInTheDocument();
  });

  it('checks the group, both details of the invoice and the acceptance before sending anything', async () => {
    const user = userEvent.setup();
    const { transport } = renderSignUp();
    await user.click(await screen.findByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByText('Enter the group number printed on the invoice')).toBeInTheDocument();
    expect(screen.getByText('Enter the invoice number')).toBeInTheDocument();
    expect(screen.getByText('Enter the amount billed')).toBeInTheDocument();
    expect(screen.getByText('You must accept the terms of service to use Bill Pay')).toBeInTheDocument();

    const invoiceNumber = screen.getByRole('textbox', { name: 'Invoice number' });
    expect(invoiceNumber).toHaveAccessibleDescription(expect.stringContaining('Printed at the top of the invoice, like INV-1001-202611-7KQ4M2'));
    await user.type(invoiceNumber, 'INV-77');
    const looksLike = 'An invoice number looks like INV-1001-202611-7KQ4M2 (it is printed at the top of the invoice)';
    expect(await screen.findByText(looksLike)).toBeInTheDocument();
    // The old, guessable form without the random code is not an invoice number.
    await user.clear(invoiceNumber);
    await user.type(invoiceNumber, 'INV-100234-202611');
    expect(await screen.findByText(looksLike)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Amount billed' }), 'forty');
    await user.click(screen.getByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByText('Enter the amount in dollars and cents, like 41,822.50')).toBeInTheDocument();
    expect(transport.callsTo('billPay.signUp')).toEqual([]);
  });

  it('signs up with the invoice number and the amount billed and says which group joined', async () => {
    const user = userEvent.setup();
    const { transport } = renderSignUp();
    transport.on('billPay.signUp', (input) => ({ ok: true, value: { groupNumber: input.signUpGroupNumber, name: 'Harbor Logistics Inc.', role: 'billing', termsVersion: input.termsVersion, acceptedAt: '2026-11-27T10:04:00.000Z' } }));
    await user.type(await screen.findByLabelText('Group number'), '100234');
    await user.type(screen.getByRole('textbox', { name: 'Invoice number' }), 'INV-100234-202611-7KQ4M2');
    await user.type(screen.getByRole('textbox', { name: 'Amount billed' }), '$41,822.50');
    await user.click(screen.getByLabelText('I accept the terms of service'));
    await user.click(screen.getByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'You can now see the invoices of Harbor Logistics Inc. (group 100234).' })).toHaveFocus();
    expect(transport.callsTo('billPay.signUp')).toEqual([{ signUpGroupNumber: '100234', invoiceNumber: 'INV-100234-202611-7KQ4M2', amountCents: 4_182_250, termsVersion: '2026-01', acceptTerms: true }]);
  });

  it('shows a proof that does not match above the button, and the plan’s field messages on their fields', async () => {
    const user = userEvent.setup();
    const { transport } = renderSignUp();
    transport.on('billPay.signUp', () => ({
      ok: false,
      error: { code: 'RULE', message: 'The group number and invoice details do not match the group’s latest invoice.', fields: { signUpGroupNumber: 'Check the group number printed on the latest invoice' } },
    }));
    await user.type(await screen.findByLabelText('Group number'), '100234');
    // Typed forgivingly: lower case, and L for 1 in the code.
    await user.type(screen.getByRole('textbox', { name: 'Invoice number' }), 'inv-100234-202611-7kq4ml');
    await user.type(screen.getByRole('textbox', { name: 'Amount billed' }), '41822.50');
    await user.click(screen.getByLabelText('I accept the terms of service'));
    await user.click(screen.getByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('do not match the group’s latest invoice');
    expect(screen.getByText('Check the group number printed on the latest invoice')).toBeInTheDocument();
    expect(screen.getByLabelText('Group number')).toHaveAttribute('aria-invalid', 'true');
    expect(transport.callsTo('billPay.signUp')).toEqual([{ signUpGroupNumber: '100234', invoiceNumber: 'INV-100234-202611-7KQ4M1', amountCents: 4_182_250, termsVersion: '2026-01', acceptTerms: true }]);

    transport.on('billPay.signUp', () => ({ ok: false, error: { code: 'VALIDATION', message: 'Check the group number', fields: { signUpGroupNumber: 'A group number is 4 to 10 digits' } } }));
    await user.click(screen.getByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByText('A group number is 4 to 10 digits')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Group number')).toHaveFocus());
    // The field says it all: no alert repeats it.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes the tick back when the plan has newer terms than the ones accepted', async () => {
    const user = userEvent.setup();
    const { transport } = renderSignUp();
    transport.on('billPay.signUp', () => ({ ok: false, error: { code: 'CONFLICT', message: 'The terms of service changed: accept version 2026-02 to sign up.' } }));
    await user.type(await screen.findByLabelText('Group number'), '100234');
    await user.type(screen.getByRole('textbox', { name: 'Invoice number' }), 'INV-100234-202611-7KQ4M2');
    await user.type(screen.getByRole('textbox', { name: 'Amount billed' }), '41,822.50');
    await user.click(screen.getByLabelText('I accept the terms of service'));
    transport.on('billPay.terms', () => ({ ok: true, value: { ...terms, version: '2026-02', title: 'Bill Pay Terms of Service (February 2026)' } }));
    await user.click(screen.getByRole('button', { name: 'Sign up for Bill Pay' }));
    expect(await screen.findByRole('region', { name: 'Bill Pay Terms of Service (February 2026)' })).toHaveTextContent('Version 2026-02');
    await waitFor(() => expect(screen.getByLabelText('I accept the terms of service')).not.toBeChecked());
    expect(screen.getByRole('alert')).toHaveTextContent('accept version 2026-02');
  });
});
