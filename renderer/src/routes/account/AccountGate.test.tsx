import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';
import { firstLaunch, newUser, signedInRemote, waitingForCode } from './test-support/account-fixtures';

function launch(path: string, session = firstLaunch) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: session }));
  return renderApp(path, transport);
}

describe('Welcome', () => {
  it('greets a first launch whatever the address, without the app around it', async () => {
    launch('/members');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to GroupDesk' })).toBeInTheDocument();
    for (const name of ['Sign in', 'Create an account', 'Explore with demo data']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('explores the demo data: Welcome is done and the dashboard shows', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/');
    transport.on('session.dismissWelcome', () => ({ ok: true, value: { ...firstLaunch, welcome: false } }));
    await user.click(await screen.findByRole('button', { name: 'Explore with demo data' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(transport.callsTo('session.dismissWelcome')).toEqual([{}]);
    expect(history.location.pathname).toBe('/');
  });

  it('leads to sign in and to registration, and back', async () => {
    const user = userEvent.setup();
    const { history } = launch('/');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Create an account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Create your account' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to Welcome' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to GroupDesk' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/welcome');
  });

  it('offers to finish a registration still waiting for its code', async () => {
    const user = userEvent.setup();
    launch('/', waitingForCode);
    await user.click(await screen.findByRole('button', { name: 'Finish creating newhire.ops' }));
    expect(await screen.findByText(/We sent a 6-digit code to/)).toHaveTextContent('We sent a 6-digit code to n***@harbor.example.');
  });

  it('follows session.changed from the core: Welcome ends when another window signs in', async () => {
    const { transport } = launch('/');
    await screen.findByRole('heading', { name: 'Welcome to GroupDesk' });
    act(() => transport.emit({ type: 'session.changed', session: { ...firstLaunch, welcome: false } }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

describe('Sign in page', () => {
  it('signs in and goes to Access when the user has no group yet', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/sign-in', { ...firstLaunch, lastServiceUrl: 'https://plan.example.com' });
    transport.on('session.signIn', () => ({ ok: true, value: newUser }));
    // The address used last is already there.
    expect(await screen.findByLabelText(/Plan service address/)).toHaveValue('https://plan.example.com');
    await user.type(screen.getByLabelText('User ID'), 'newhire.ops');
    await user.type(screen.getByLabelText('Password'), 'a long pass phrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(history.location.pathname).toBe('/access'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Access' })).toBeInTheDocument();
  });

  it('goes to the dashboard when the user has groups', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/sign-in');
    transport.on('session.signIn', () => ({ ok: true, value: signedInRemote }));
    await user.type(await screen.findByLabelText(/Plan service address/), 'https://plan.example.com');
    await user.type(screen.getByLabelText('User ID'), 'jdoe.hr');
    await user.type(screen.getByLabelText('Password'), 'a long pass phrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(history.location.pathname).toBe('/'));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('says the address was verified and names the user ID', async () => {
    launch('/sign-in?verified=true&userId=%22newhire.ops%22');
    expect(await screen.findByText('E-mail verified. Sign in to continue.')).toBeInTheDocument();
    expect(screen.getByLabelText('User ID')).toHaveValue('newhire.ops');
  });
});

describe('Lock', () => {
  it('covers the app when the core locks, unlocks with the password, and says why a wrong one failed', async () => {
    const user = userEvent.setup();
    const { transport } = launch('/members', signedInRemote);
    transport.on('session.unlock', ({ password }) =>
      password === 'the right password'
        ? { ok: true, value: signedInRemote }
        : { ok: false, error: { code: 'AUTH', message: 'That password is not right. 4 tries left before GroupDesk signs you out.' } },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();

    act(() => transport.emit({ type: 'session.changed', session: { ...signedInRemote, locked: true } }));
    const lock = await screen.findByRole('main');
    expect(within(lock).getByRole('heading', { level: 1, name: 'GroupDesk is locked' })).toBeInTheDocument();
    expect(lock).toHaveTextContent('Signed in as Jo Doe (jdoe.hr).');
    // Nothing of the app stays on screen.
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Members' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Password'), 'a wrong password');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That password is not right. 4 tries left');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();

    await user.type(screen.getByLabelText('Password'), 'the right password');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    // Back where the user was.
    expect(await screen.findByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument();
    expect(transport.callsTo('session.unlock')).toEqual([{ password: 'a wrong password' }, { password: 'the right password' }]);
  });

  it('asks for the password at start when the session was left locked', async () => {
    launch('/', { ...signedInRemote, locked: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'GroupDesk is locked' })).toBeInTheDocument();
  });

  it('says why after the fifth wrong password signed out, though the lock is gone before the answer', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/members', { ...signedInRemote, locked: true });
    const message = 'Five wrong passwords: GroupDesk signed you out. Sign in again to continue; your unsent changes are kept.';
    transport.on('session.unlock', () => {
      // As the core does: the sign-out's session.changed goes out before the refusal.
      transport.emit({ type: 'session.changed', session: { ...signedInRemote, user: null, groups: [], locked: false } });
      return { ok: false, error: { code: 'AUTH', message, fields: { password: 'Wrong password' } } };
    });
    await user.type(await screen.findByLabelText('Password'), 'a fifth guess');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('alert')).toHaveTextContent(message);
  });

  it('signs out from the lock and offers to sign in again', async () => {
    const user = userEvent.setup();
    const { transport, history } = launch('/', { ...signedInRemote, locked: true });
    transport.on('session.signOut', () => ({ ok: true, value: { ...signedInRemote, user: null, groups: [], locked: false } }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/sign-in');
  });
});
