import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionInfo } from '@shared/contract/methods/sync';
import type { TwoFactorStatus } from '@shared/plan-api/two-factor';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';

const sandbox: SessionInfo = {
  mode: 'sandbox',
  serviceUrl: null,
  user: { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'admin@sandbox.example' },
  groups: [],
  welcome: false,
  locked: false,
  autoLockMinutes: 0,
  pendingVerification: null,
  lastServiceUrl: null,
  revision: 1,
};
const remote: SessionInfo = { ...sandbox, mode: 'remote', serviceUrl: 'https://plan.example.com', user: { userId: 'jdoe.hr', name: 'Jo Doe', email: 'jo@harbor.example' }, lastServiceUrl: 'https://plan.example.com' };
const off: TwoFactorStatus = { enabled: false, required: false, policy: 'optional', recoveryCodesLeft: 0, sessionLimited: false };
const codes = ['4kq7x-2m9pa', 'ab2cd-efghj', 'jk3mn-pqrst', 'tu4vw-xyz23', '5678a-9abcd', 'efghj-kmn23', 'pqrst-uvw34', 'xyz23-45678', '89abc-defgh', 'hjkmn-pqr45'];

describe('the code step of sign-in', () => {
  it('asks for the 6-digit code, or a recovery code by the link, and can remember this computer', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', () => ({ ok: true, value: { ...sandbox, mode: 'remote', user: null, secondFactor: { serviceUrl: 'https://plan.example.com', userId: 'jdoe.hr', expiresAt: '2026-11-27T07:17:00.000Z' } } }));
    let wrongOnce = true;
    transport.on('session.completeSignIn', () => {
      if (wrongOnce) {
        wrongOnce = false;
        return { ok: false, error: { code: 'AUTH', message: 'That code is not right or was already used.', fields: { code: 'Not right' } } };
      }
      return { ok: true, value: remote };
    });
    transport.on('twoFactor.status', () => ({ ok: true, value: { ...off, enabled: true, recoveryCodesLeft: 10 } }));
    renderApp('/settings', transport);
    const form = await screen.findByRole('region', { name: 'Connect to your plan service' });
    await user.type(within(form).getByLabelText(/Plan service address/), 'https://plan.example.com');
    await user.type(within(form).getByLabelText('User ID'), 'jdoe.hr');
    await user.type(within(form).getByLabelText('Password'), 'correct horse battery');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));

    const code = await within(form).findByLabelText('6-digit code');
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    await user.type(code, '12a456');
    await user.keyboard('{Enter}');
    expect(await within(form).findByText('The code is the 6 digits your authenticator app shows')).toBeInTheDocument();
    expect(transport.callsTo('session.completeSignIn')).toEqual([]);

    await user.clear(code);
    await user.type(code, '123 456');
    await user.keyboard('{Enter}');
    expect(await within(form).findByText('That code is not right or was already used.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(form).getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = within(form).getByLabelText(/Recovery code/);
    expect(recovery).toHaveFocus();
    await user.type(recovery, '4KQ7X-2M9PA');
    await user.click(within(form).getByRole('checkbox', { name: /Remember this computer for 30 days/ }));
    await user.click(within(form).getByRole('button', { name: 'Verify and sign in' }));
    await waitFor(() => expect(transport.callsTo('session.completeSignIn')).toEqual([{ code: '123456', rememberDevice: false }, { recoveryCode: '4kq7x2m9pa', rememberDevice: true }]));
    expect(await screen.findByText('Your plan’s service at plan.example.com')).toBeInTheDocument();
  });
});

describe('Settings → Security', () => {
  function renderSecurity(status: TwoFactorStatus) {
    const transport = createFakeTransport();
    let current = status;
    transport.on('session.get', () => ({ ok: true, value: remote }));
    transport.on('twoFactor.status', () => ({ ok: true, value: current }));
    transport.on('twoFactor.start', () => ({ ok: true, value: { secretGroups: ['JBSW', 'Y3DP', 'EHPK', '3PXP'], qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1v1H0z"/></svg>' } }));
    transport.on('twoFactor.confirm', () => {
      current = { ...current, enabled: true, recoveryCodesLeft: 10 };
      return { ok: true, value: { recoveryCodes: codes } };
    });
    transport.on('twoFactor.disable', () => ({ ok: false, error: { code: 'VALIDATION', message: 'The password or the code is not right.', fields: { password: 'Not right' } } }));
    transport.on('twoFactor.regenerateRecoveryCodes', () => ({ ok: true, value: { recoveryCodes: codes } }));
    transport.on('session.signOutEverywhere', () => ({ ok: true, value: { endedSessions: 2, forgottenDevices: 1 } }));
    renderApp('/settings', transport);
    return transport;
  }

  it('turns it on: QR code and the key in groups of four, a first code, then the recovery codes shown once', async () => {
    const user = userEvent.setup();
    const transport = renderSecurity(off);
    const card = await screen.findByRole('region', { name: 'Security: two-step sign-in' });
    expect(await within(card).findByText(/^Off\./)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Turn on two-step sign-in' }));
    expect(await within(card).findByRole('img', { name: /QR code for your authenticator app/ })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml;utf8,%3Csvg/));
    expect(within(card).getByText('JBSW')).toBeInTheDocument();
    expect(within(card).getByText('3PXP')).toBeInTheDocument();
    const code = within(card).getByLabelText('Enter the 6-digit code the app now shows');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '654321{Enter}');
    await waitFor(() => expect(transport.callsTo('twoFactor.confirm')).toEqual([{ code: '654321' }]));
    const heading = await within(card).findByRole('heading', { name: 'Save your recovery codes' });
    expect(heading).toHaveFocus();
    expect(within(within(card).getByRole('list', { name: 'Recovery codes for jdoe.hr' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(codes);
    // Print puts the codes alone on the page: while the dialog is open, only their block is marked to print.
    const printed: { only: boolean; target: string | null }[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      const target = document.querySelector('[data-print-target]');
      printed.push({ only: document.body.hasAttribute('data-print-only'), target: target?.getAttribute('aria-labelledby') === null ? null : (target?.textContent ?? null) });
    });
    await user.click(within(card).getByRole('button', { name: 'Print codes' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(printed).toEqual([{ only: true, target: expect.stringContaining('Save your recovery codes') }]);
    expect(printed[0]?.target).toContain(codes[0]);
    expect(printed[0]?.target).toContain('jdoe.hr');
    expect(document.body).not.toHaveAttribute('data-print-only');
    expect(document.querySelector('[data-print-target]')).toBeNull();
    print.mockRestore();
    await user.click(within(card).getByRole('button', { name: 'I have saved them' }));
    expect(await within(card).findByText(/On\. Signing in asks for a code/)).toHaveTextContent('10 of 10 recovery codes left.');
    expect(within(card).queryByText('4kq7x-2m9pa')).not.toBeInTheDocument();
  });

  it('makes new recovery codes with a current code, and shows why turning it off was refused', async () => {
    const user = userEvent.setup();
    const transport = renderSecurity({ ...off, enabled: true, recoveryCodesLeft: 3 });
    const card = await screen.findByRole('region', { name: 'Security: two-step sign-in' });
    const renew = await within(card).findByRole('form', { name: 'New recovery codes' });
    await user.type(within(renew).getByLabelText('Current 6-digit code'), '111222{Enter}');
    expect(await within(card).findByRole('heading', { name: 'Save your recovery codes' })).toHaveFocus();
    expect(transport.callsTo('twoFactor.regenerateRecoveryCodes')).toEqual([{ code: '111222' }]);
    await user.click(within(card).getByRole('button', { name: 'I have saved them' }));

    const turnOff = await within(card).findByRole('form', { name: 'Turn off two-step sign-in' });
    await user.type(within(turnOff).getByLabelText('Password'), 'wrong password');
    await user.type(within(turnOff).getByLabelText('Current 6-digit code'), '333444');
    await user.click(within(turnOff).getByRole('button', { name: 'Turn off' }));
    expect(await within(turnOff).findByText('Not right')).toBeInTheDocument();
    expect(within(turnOff).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');

    const everywhere = within(card).getByRole('group', { name: 'Other sessions' });
    await user.click(within(everywhere).getByRole('button', { name: 'End all other sessions' }));
    expect(await within(everywhere).findByRole('status')).toHaveTextContent('Other sessions ended: 2 other session(s), 1 remembered computer(s) forgotten.');
    expect(transport.callsTo('session.signOutEverywhere')).toEqual([{}]);
  });

  it('keeps it on, with no way to turn it off, when the plan requires it; a limited session sees only this', async () => {
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: { ...remote, twoFactorSetupRequired: true } }));
    transport.on('twoFactor.status', () => ({ ok: true, value: { ...off, required: true, policy: 'required-for-admins', sessionLimited: true } }));
    renderApp('/settings', transport);
    const card = await screen.findByRole('region', { name: 'Security: two-step sign-in' });
    expect(await within(card).findByRole('alert')).toHaveTextContent('Your health plan requires two-step sign-in for primary administrators and billing users.');
    expect(screen.queryByRole('region', { name: 'Change password' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Screen lock' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'End all other sessions' })).not.toBeInTheDocument();
  });
});
