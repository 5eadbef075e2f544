import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';
import type { FakeTransport } from '../../test-support/fake-transport';
import { firstLaunch, newUser, waitingForCode } from './test-support/account-fixtures';
import { forgetRegistrationPassword, takeRegistrationPassword } from './registration-password';

const pending = waitingForCode.pendingVerification;
const token = 'tkn_0123456789abcdefghijklmn';

function launch(path: string, session = firstLaunch) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: session }));
  transport.on('account.register', () => (pending ? { ok: true, value: pending } : { ok: false, error: { code: 'INTERNAL', message: 'no fixture' } }));
  return renderApp(path, transport);
}

/** The rules as a screen reader reads them: each with its state. */
const rules = () => within(screen.getByRole('list', { name: 'Password rules' })).getAllByRole('listitem').map((li) => li.textContent);

async function fillRegistration(user: ReturnType<typeof userEvent.setup>, overrides: Partial<Record<string, string>> = {}) {
  const values: Record<string, string> = {
    'Plan service address': 'https://plan.example.com',
    'User ID': 'NewHire.Ops',
    Password: 'saffron kettle orbit',
    'Confirm password': 'saffron kettle orbit',
    'Full name': 'Nia Hire',
    'E-mail address': 'nia@harbor.example',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) {
    const input = await screen.findByLabelText(label);
    await user.clear(input);
    if (value) await user.type(input, value);
  }
}

afterEach(() => forgetRegistrationPassword());

describe('Create your account', () => {
  it('ticks the password rules while the user types', async () => {
    const user = userEvent.setup();
    launch('/register');
    await user.type(await screen.findByLabelText('User ID'), 'newhire.ops');
    expect(rules()).toEqual(['At least 12 characters: not yet', 'At most 128 characters: not yet', 'Does not contain your user ID: not yet', 'Passwords match: not yet']);
    await user.type(screen.getByLabelText('Password'), 'my newhire.ops pass');
    expect(rules()).toEqual(['At least 12 characters: done', 'At most 128 characters: done', 'Does not contain your user ID: not yet', 'Passwords match: not yet']);
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'saffron kettle orbit');
    await user.type(screen.getByLabelText('Confirm password'), 'saffron kettle orbit');
    expect(rules()).toEqual(['At least 12 characters: done', 'At most 128 characters: done', 'Does not contain your user ID: done', 'Passwords match: done']);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/At least 12 characters/);
  });

  it('refuses what the plan service would refuse, before asking it', async () => {
    const user = userEvent.setup();
    const { transport } = launch('/register');
    await fillRegistration(user, { Password: 'short', 'Confirm password': 'other', 'E-mail address': 'nia at harbor' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByLabelText('Password')).toHaveAccessibleDescription(/Use at least 12 characters/);
    expect(screen.getByLabelText('E-mail address')).toHaveAccessibleDescription(/This is not an e-mail address: enter one like name@example.com/);
    expect(transport.callsTo('account.register')).toEqual([]);

    await fillRegistration(user, { Password: 'my newhire.ops pass', 'Confirm password': 'my newhire.ops pas' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Your password must not contain your user ID\./));
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription(/The passwords do not match/);
    expect(transport.callsTo('account.register')).toEqual([]);
  });

  it('puts the plan service’s refusal on the field it names', async () => {
    const user = userEvent.setup();
    const { transport } = launch('/register');
    transport.on('account.register', () => ({ ok: false, error: { code: 'CONFLICT', message: 'The user ID newhire.ops is taken. Choose another.', fields: { userId: 'Taken' } } }));
    await fillRegistration(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The user ID newhire.ops is taken. Choose another.');
    expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription(/Taken/);
    expect(screen.getByLabelText('User ID')).toHaveFocus();
  });

  it('registers, then asks for the mailed code', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/register');
    await fillRegistration(user, { 'Phone (optional)': '' });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Verify your e-mail address' })).toBeInTheDocument();
    expect(screen.getByText(/We sent a 6-digit code to/)).toHaveTextContent('n***@harbor.example');
    expect(history.location.pathname).toBe('/verify');
    // A blank phone is left out; the user ID goes lower-case, as the service keeps it.
    expect(transport.callsTo('account.register')).toEqual([
      { serviceUrl: 'https://plan.example.com', userId: 'newhire.ops', password: 'saffron kettle orbit', name: 'Nia Hire', email: 'nia@harbor.example' },
    ]);
  });
});

describe('Starting over', () => {
  it('forgets the password held from the registration it gives up', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/register');
    transport.on('account.cancelVerification', () => ({ ok: true, value: {} }));
    await fillRegistration(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.click(await screen.findByRole('button', { name: 'Start over with other details' }));
    await waitFor(() => expect(history.location.pathname).toBe('/register'));
    expect(transport.callsTo('account.cancelVerification')).toEqual([{}]);
    expect(takeRegistrationPassword('https://plan.example.com', 'newhire.ops')).toBeNull();
  });
});

describe('Verify your e-mail address', () => {
  function answerVerify(transport: FakeTransport) {
    transport.on('account.verifyEmail', (input) =>
      'code' in input && input.code !== '482913'
        ? { ok: false, error: { code: 'RULE', message: 'That code is not right. 4 tries left.', fields: { code: 'That code is not right. 4 tries left.' } } }
        : { ok: true, value: { userId: 'newhire.ops' } },
    );
  }

  it('verifies with the code and signs in with the password from registration, then opens Access', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/register');
    answerVerify(transport);
    transport.on('session.signIn', () => ({ ok: true, value: newUser }));
    await fillRegistration(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await user.type(await screen.findByLabelText('6-digit code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right. 4 tries left.');
    expect(screen.getByLabelText('6-digit code')).toHaveFocus();

    await user.clear(screen.getByLabelText('6-digit code'));
    await user.type(screen.getByLabelText('6-digit code'), '482913');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(history.location.pathname).toBe('/access'));
    expect(transport.callsTo('account.verifyEmail').at(-1)).toEqual({ serviceUrl: 'https://plan.example.com', userId: 'newhire.ops', code: '482913' });
    expect(transport.callsTo('session.signIn')).toEqual([{ serviceUrl: 'https://plan.example.com', userId: 'newhire.ops', password: 'saffron kettle orbit', discardPending: false }]);
  });

  it('without the password in memory (after a restart), sends the user to sign in', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/verify', waitingForCode);
    answerVerify(transport);
    await user.type(await screen.findByLabelText('6-digit code'), '482913');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('E-mail verified. Sign in to continue.')).toBeInTheDocument();
    expect(history.location.pathname).toBe('/sign-in');
    expect(screen.getByLabelText('User ID')).toHaveValue('newhire.ops');
    expect(transport.callsTo('session.signIn')).toEqual([]);
  });

  it('checks the code’s form before asking', async () => {
    const user = userEvent.setup();
    const { transport } = launch('/verify', waitingForCode);
    await user.type(await screen.findByLabelText('6-digit code'), '48291');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByLabelText('6-digit code')).toHaveAccessibleDescription('The code is 6 digits');
    expect(transport.callsTo('account.verifyEmail')).toEqual([]);
  });

  it('sends a new code and says so', async () => {
    const user = userEvent.setup();
    const { transport } = launch('/verify', waitingForCode);
    transport.on('account.resendVerification', () => ({ ok: true, value: { message: 'If newhire.ops still needs verifying, a new code is on its way.' } }));
    await user.click(await screen.findByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText('If newhire.ops still needs verifying, a new code is on its way.', { selector: 'p' })).toBeInTheDocument();
    expect(transport.callsTo('account.resendVerification')).toEqual([{ serviceUrl: 'https://plan.example.com', userId: 'newhire.ops' }]);
    // The first code's expiry no longer applies; the service does not say the new one's.
    expect(screen.getByText(/Use the code from the newest e-mail\./)).toBeInTheDocument();
    expect(screen.queryByText(/It works until/)).not.toBeInTheDocument();
  });

  it('verifies with the link pasted from the e-mail', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/verify', waitingForCode);
    answerVerify(transport);
    await user.click(await screen.findByText('Use the link instead'));
    await user.type(screen.getByLabelText('Link from the e-mail'), `https://plan.example.com/verify?token=${token}`);
    await user.click(screen.getByRole('button', { name: 'Verify with the link' }));
    await waitFor(() => expect(history.location.pathname).toBe('/sign-in'));
    expect(transport.callsTo('account.verifyEmail')).toEqual([{ serviceUrl: 'https://plan.example.com', link: `https://plan.example.com/verify?token=${token}` }]);
  });

  it('verifies at once when opened with ?token=', async () => {
    const { transport } = launch(`/verify?token=${token}`, waitingForCode);
    answerVerify(transport);
    expect(await screen.findByText('E-mail verified. Sign in to continue.')).toBeInTheDocument();
    expect(transport.callsTo('account.verifyEmail')).toEqual([{ serviceUrl: 'https://plan.example.com', link: token }]);
  });

  it('verifies the desktop’s groupdesk://verify link (host event link.verify)', async () => {
    const { transport } = launch('/', { ...firstLaunch, welcome: false, lastServiceUrl: 'https://plan.example.com' });
    answerVerify(transport);
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => transport.emit({ type: 'link.verify', token }));
    expect(await screen.findByText('E-mail verified. Sign in to continue.')).toBeInTheDocument();
    expect(transport.callsTo('account.verifyEmail')).toEqual([{ serviceUrl: 'https://plan.example.com', link: token }]);
  });

  it('shows why a link did not work', async () => {
    const { transport } = launch(`/verify?token=${token}`, waitingForCode);
    transport.on('account.verifyEmail', () => ({ ok: false, error: { code: 'RULE', message: 'This link expired. Send a new code.' } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This link expired. Send a new code.');
    expect(screen.getByRole('heading', { level: 1, name: 'Verify your e-mail address' })).toBeInTheDocument();
  });
});
