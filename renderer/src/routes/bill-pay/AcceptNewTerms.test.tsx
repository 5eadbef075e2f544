import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TermsAcceptanceStatus, TermsOfService } from '@shared/plan-api/bill-pay';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

const terms: TermsOfService = {
  version: '2026-12',
  title: 'GroupDesk Bill Pay Terms of Service',
  text: 'Bill Pay shows the group’s invoices.\n\nBill Pay does not take payments.',
  effectiveOn: '2026-12-01',
};
const asked: TermsAcceptanceStatus = { groupNumber: '100234', currentVersion: '2026-12', acceptedVersion: '2026-01', acceptedAt: '2026-02-03T10:00:00.000Z', needed: true };

function renderBillingDashboard(status: () => TermsAcceptanceStatus) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'billing' }, 'remote') }));
  transport.on('billPay.termsAcceptance', () => ({ ok: true, value: status() }));
  transport.on('billPay.terms', () => ({ ok: true, value: terms }));
  return renderApp('/', transport);
}

describe('Newer Bill Pay terms', () => {
  it('asks a billing user who accepted an older version to accept the current one, and stops asking once they do', async () => {
    const user = userEvent.setup();
    let status = asked;
    const { transport } = renderBillingDashboard(() => status);
    expect(await screen.findByRole('heading', { name: 'The Bill Pay terms of service changed' })).toBeInTheDocument();
    expect(screen.getByText(/You accepted version 2026-01\. Read version 2026-12 and accept it/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'GroupDesk Bill Pay Terms of Service' })).toHaveTextContent('Bill Pay does not take payments.');

    await user.click(screen.getByRole('button', { name: 'Accept the terms' }));
    expect(await screen.findByText('You must accept the terms of service to use Bill Pay')).toBeInTheDocument();
    expect(transport.callsTo('billPay.acceptTerms')).toEqual([]);

    transport.on('billPay.acceptTerms', (input) => {
      status = { ...asked, acceptedVersion: input.termsVersion, acceptedAt: '2026-12-06T10:00:00.000Z', needed: false };
      return { ok: true, value: status };
    });
    await user.click(screen.getByLabelText('I accept the terms of service'));
    await user.click(screen.getByRole('button', { name: 'Accept the terms' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'The Bill Pay terms of service changed' })).not.toBeInTheDocument());
    expect(transport.callsTo('billPay.acceptTerms')).toEqual([{ groupNumber: '100234', termsVersion: '2026-12', acceptTerms: true }]);
    expect(screen.getByRole('heading', { name: 'Billing: you see this group’s invoices and balance.' })).toBeInTheDocument();
  });

  it('does not ask a billing user who accepted the version in force', async () => {
    const { transport } = renderBillingDashboard(() => ({ ...asked, acceptedVersion: '2026-12', needed: false }));
    expect(await screen.findByRole('heading', { name: 'Billing: you see this group’s invoices and balance.' })).toBeInTheDocument();
    await waitFor(() => expect(transport.callsTo('billPay.termsAcceptance')).toEqual([{ groupNumber: '100234' }]));
    expect(screen.queryByRole('heading', { name: 'The Bill Pay terms of service changed' })).not.toBeInTheDocument();
    expect(transport.callsTo('billPay.terms')).toEqual([]);
  });
});
