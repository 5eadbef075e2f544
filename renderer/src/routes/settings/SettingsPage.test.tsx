import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';

const sandbox: SessionInfo = {
  mode: 'sandbox',
  serviceUrl: 'http://127.0.0.1:41234',
  user: { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'admin@sandbox.example' },
  groups: [
    { groupNumber: '100234', name: 'Harbor Logistics Inc.', role: 'primary_admin' },
    { groupNumber: '200587', name: 'Cedar Valley Schools', role: 'read_only' },
  ],
  welcome: false,
  locked: false,
  autoLockMinutes: 0,
  pendingVerification: null,
  lastServiceUrl: null,
  revision: 1,
};
const remote: SessionInfo = {
  mode: 'remote',
  serviceUrl: 'https://plan.example.com',
  user: { userId: 'jdoe.hr', name: 'Jo Doe', email: 'jo@harbor.example' },
  groups: [{ groupNumber: '100234', name: 'Harbor Logistics Inc.', role: 'admin' }],
  welcome: false,
  locked: false,
  autoLockMinutes: 0,
  pendingVerification: null,
  lastServiceUrl: 'https://plan.example.com',
  revision: 1,
};

function renderSettings(session: SessionInfo = sandbox) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: session }));
  return renderApp('/settings', transport);
}

async function fillSignIn(user: ReturnType<typeof userEvent.setup>, url = 'https://plan.example.com') {
  const form = await screen.findByRole('region', { name: 'Connect to your plan service' });
  await user.type(within(form).getByLabelText(/Plan service address/), url);
  await user.type(within(form).getByLabelText('User ID'), 'JDoe.HR');
  await user.type(within(form).getByLabelText('Password'), 'correct horse battery');
  await user.click(within(form).getByRole('button', { name: 'Sign in' }));
  return form;
}

describe('Settings', () => {
  it('shows the plan service in use, who is signed in and their groups with roles', async () => {
    renderSettings();
    const connection = await screen.findByRole('region', { name: 'Plan service' });
    expect(connection).toHaveTextContent('Sandbox: demo data on this computer');
    expect(connection).toHaveTextContent('Sandbox Administrator (sandbox.admin)');
    const rows = within(within(connection).getByRole('table', { name: 'Your groups' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Harbor Logistics Inc.100234Primary administrator', 'Cedar Valley Schools200587Read-only']);
    // The sandbox has no session to end, and no password to lock with or change.
    expect(within(connection).queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Screen lock' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Change password' })).not.toBeInTheDocument();
  });

  it('checks the form as the core does before asking it', async () => {
    const user = userEvent.setup();
    const { transport } = renderSettings();
    const form = await fillSignIn(user, 'http://plan.example.com');
    expect(await within(form).findByText('Use https:// (plain http only for this computer)')).toBeInTheDocument();
    expect(within(form).getByLabelText(/Plan service address/)).toHaveAttribute('aria-invalid', 'true');
    expect(transport.callsTo('session.signIn')).toEqual([]);
  });

  it('signs in and shows the new connection', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', () => ({ ok: true, value: remote }));
    renderApp('/settings', transport);
    await fillSignIn(user);
    await waitFor(() =>
      expect(transport.callsTo('session.signIn')).toEqual([{ serviceUrl: 'https://plan.example.com', userId: 'jdoe.hr', password: 'correct horse battery', discardPending: false }]),
    );
    expect(await screen.findByText('Your plan’s service at plan.example.com')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Signed in to plan.example.com as jdoe.hr.');
    // A plan service's session has a password: the lock and the password change come with it.
    expect(screen.getByRole('region', { name: 'Screen lock' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Change password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it.each([
    ['AUTH', 'User ID or password is not right. 4 tries left before the account locks for 15 minutes.', 'The plan service did not accept this user ID and password.'],
    ['OFFLINE', 'connect ECONNREFUSED', 'GroupDesk could not reach plan.example.com. Check the address and this computer’s network connection, then try again.'],
    // A refusal that is not about unsent changes is shown, not turned into the discard question.
    ['RULE', 'This account is locked for 15 minutes.', 'Signing in did not work.'],
  ] as const)('explains a %s answer in words that say what to do', async (code, message, title) => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', () => ({ ok: false, error: { code, message } }));
    renderApp('/settings', transport);
    const form = await fillSignIn(user);
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(message);
    if (code === 'AUTH') expect(within(form).getByLabelText('Password')).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('puts the core’s VALIDATION messages on their fields', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', () => ({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input: userId: No such user ID here', fields: { userId: 'No such user ID here' } } }));
    renderApp('/settings', transport);
    const form = await fillSignIn(user);
    expect(await within(form).findByRole('alert')).toHaveTextContent('Some details need fixing.');
    expect(within(form).getByLabelText('User ID')).toHaveAccessibleDescription('No such user ID here');
  });

  it('asks before discarding unsent changes, and signs in with discardPending once the user agrees', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', (input) =>
      input.discardPending
        ? { ok: true, value: remote }
        : { ok: false, error: { code: 'RULE', message: '2 changes have not been sent to the sandbox yet. Signing in elsewhere discards them.', fields: { discardPending: 'Confirm to discard unsent changes' } } },
    );
    renderApp('/settings', transport);
    await fillSignIn(user);
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard changes not yet sent?' });
    expect(confirm).toHaveTextContent('2 changes have not been sent to the sandbox yet.');
    await user.click(within(confirm).getByRole('button', { name: 'Discard and sign in' }));
    await waitFor(() => expect(transport.callsTo('session.signIn').map((c) => c.discardPending)).toEqual([false, true]));
    expect(await screen.findByText('Your plan’s service at plan.example.com')).toBeInTheDocument();
  });

  it('keeps unsent changes when the user says so', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: sandbox }));
    transport.on('session.signIn', () => ({ ok: false, error: { code: 'RULE', message: '1 change has not been sent yet.', fields: { discardPending: 'Confirm to discard unsent changes' } } }));
    renderApp('/settings', transport);
    await fillSignIn(user);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(transport.callsTo('session.signIn')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
  });

  it('signs out of a plan service, and goes back to the sandbox after a confirm', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: remote }));
    transport.on('session.signOut', () => ({ ok: true, value: { ...remote, user: null, groups: [] } }));
    transport.on('session.useSandbox', () => ({ ok: true, value: sandbox }));
    renderApp('/settings', transport);
    const connection = await screen.findByRole('region', { name: 'Plan service' });
    await user.click(within(connection).getByRole('button', { name: 'Sign out' }));
    expect(await within(connection).findByText('Not signed in')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Signed out.');

    await user.click(within(connection).getByRole('button', { name: 'Use the sandbox' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Use the sandbox instead?' });
    await user.click(within(confirm).getByRole('button', { name: 'Use the sandbox' }));
    await waitFor(() => expect(transport.callsTo('session.useSandbox')).toEqual([{ discardPending: false }]));
    expect(await screen.findByText(/^Sandbox: demo data on this computer/)).toBeInTheDocument();
  });

  it('sets the lock after inactivity, and locks now', async () => {
    const user = userEvent.setup();
    const transport = createFakeTransport();
    transport.on('session.get', () => ({ ok: true, value: remote }));
    transport.on('session.setAutoLock', ({ minutes }) => ({ ok: true, value: { ...remote, autoLockMinutes: minutes } }));
    transport.on('session.lock', () => ({ ok: true, value: { ...remote, locked: true } }));
    renderApp('/settings', transport);
    const lock = await screen.findByRole('region', { name: 'Screen lock' });
    const select = within(lock).getByRole('combobox', { name: 'Lock after inactivity' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Never', '5 minutes', '10 minutes', '15 minutes', '30 minutes', '60 minutes']);
    expect(select).toHaveDisplayValue('Never');
    await user.selectOptions(select, '10 minutes');
    await waitFor(() => expect(transport.callsTo('session.setAutoLock')).toEqual([{ minutes: 10 }]));
    expect(select).toHaveDisplayValue('10 minutes');
    expect(screen.getByRole('status')).toHaveTextContent('GroupDesk locks after 10 minutes without use.');

    await user.click(within(lock).getByRole('button', { name: /Lock now/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'GroupDesk is locked' })).toBeInTheDocument();
  });

  describe('Change password', () => {
    function renderRemote() {
      const transport = createFakeTransport();
      transport.on('session.get', () => ({ ok: true, value: remote }));
      renderApp('/settings', transport);
      return transport;
    }
    async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, confirm = next) {
      const section = await screen.findByRole('region', { name: 'Change password' });
      await user.type(within(section).getByLabelText('Current password'), current);
      await user.type(within(section).getByLabelText('New password'), next);
      await user.type(within(section).getByLabelText('Confirm new password'), confirm);
      await user.click(within(section).getByRole('button', { name: 'Change password' }));
      return section;
    }

    it('checks the new password as the plan service does before asking it', async () => {
      const user = userEvent.setup();
      const transport = renderRemote();
      const section = await fill(user, 'old pass phrase', 'jdoe.hr forever', 'jdoe.hr forevr');
      await waitFor(() => expect(within(section).getByLabelText('New password')).toHaveAccessibleDescription(/Your password must not contain your user ID\./));
      expect(within(section).getByLabelText('Confirm new password')).toHaveAccessibleDescription(/The passwords do not match/);
      expect(within(section).getByRole('list', { name: 'Password rules' })).toHaveTextContent('Does not contain your user ID: not yet');
      expect(transport.callsTo('account.changePassword')).toEqual([]);
    });

    it('says a wrong current password on its field', async () => {
      const user = userEvent.setup();
      const transport = renderRemote();
      transport.on('account.changePassword', () => ({ ok: false, error: { code: 'AUTH', message: 'Your current password is not right.' } }));
      const section = await fill(user, 'not my password', 'saffron kettle orbit');
      await waitFor(() => expect(within(section).getByLabelText('Current password')).toHaveAccessibleDescription('Your current password is not right.'));
      expect(within(section).getByLabelText('Current password')).toHaveFocus();
    });

    it('puts a refused new password on its field', async () => {
      const user = userEvent.setup();
      const transport = renderRemote();
      const message = 'This is one of the most commonly used passwords. Choose one that is harder to guess.';
      transport.on('account.changePassword', () => ({ ok: false, error: { code: 'VALIDATION', message, fields: { newPassword: message } } }));
      const section = await fill(user, 'old pass phrase', 'password1234');
      await waitFor(() => expect(within(section).getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining(message)));
      expect(within(section).getByRole('alert')).toHaveTextContent(message);
    });

    it('changes it and says how many other sessions were signed out', async () => {
      const user = userEvent.setup();
      const transport = renderRemote();
      transport.on('account.changePassword', () => ({ ok: true, value: { endedSessions: 2 } }));
      const section = await fill(user, 'old pass phrase', 'saffron kettle orbit');
      expect(await within(section).findByText('Password changed. 2 other session(s) signed out.')).toBeInTheDocument();
      expect(transport.callsTo('account.changePassword')).toEqual([{ currentPassword: 'old pass phrase', newPassword: 'saffron kettle orbit' }]);
      expect(within(section).getByLabelText('New password')).toHaveValue('');
      // Sign out stays where it was.
      expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    });
  });
});
