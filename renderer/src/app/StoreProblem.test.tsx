import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../test-support/render-app';
import { createFakeTransport, readyStatus } from '../test-support/fake-transport';
import type { StoreState } from '@shared/contract/methods/app';

/** A core whose store is in trouble until `app.startFresh` replaces it, as the real one behaves. */
function withStore(store: StoreState) {
  const transport = createFakeTransport();
  let current = store;
  transport.on('app.status', () => ({ ok: true, value: { ...readyStatus, store: current } }));
  transport.on('app.startFresh', () => {
    current = { state: 'ready' };
    return { ok: true, value: { movedTo: '/home/ana/.config/GroupDesk/groupdesk.corrupt-20261127T074959Z.db', store: current } };
  });
  return transport;
}

describe('Store problem view', () => {
  it('explains a corrupt file and starts fresh only after confirming', async () => {
    const user = userEvent.setup();
    const transport = withStore({ state: 'corrupt', path: '/home/ana/.config/GroupDesk/groupdesk.db', detail: 'file is not a database' });
    renderApp('/', transport);
    expect(await screen.findByRole('heading', { name: 'GroupDesk cannot read its data file' })).toBeInTheDocument();
    expect(screen.getByText(/file is not a database/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start fresh' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Start fresh with an empty data file?' });
    expect(dialog).toHaveTextContent('The old file is kept at /home/ana/.config/GroupDesk/groupdesk.db');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(transport.callsTo('app.startFresh')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Start fresh' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Start fresh' }));
    expect(transport.callsTo('app.startFresh')).toEqual([{ confirm: true }]);
    // The store is ready again: the app itself appears.
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByText(/Started fresh. The old file is kept at .*corrupt-20261127T074959Z/)).toBeInTheDocument();
    expect(transport.callsTo('app.status').length).toBeGreaterThan(1);
  });

  it('names both versions when the file is from a newer GroupDesk', async () => {
    renderApp('/', withStore({ state: 'too_new', path: '/data/groupdesk.db', fileVersion: 9, appVersion: 3 }));
    expect(await screen.findByRole('heading', { name: 'This data file is from a newer GroupDesk' })).toBeInTheDocument();
    expect(screen.getByText(/version 9/)).toHaveTextContent('up to version 3');
    expect(screen.getByText(/Update GroupDesk/)).toBeInTheDocument();
  });

  it('says which app wrote data under another key, and changes nothing until the user confirms', async () => {
    const user = userEvent.setup();
    const detail = 'This data was written by the GroupDesk desktop app, which keeps its data key in this computer’s keychain. Open it with the app that wrote it.';
    const transport = withStore({ state: 'wrong_key', path: '/home/ana/.config/GroupDesk/groupdesk.sqlite3', writtenBy: 'desktop', detail });
    renderApp('/', transport);
    expect(await screen.findByRole('heading', { name: 'This data belongs to another GroupDesk' })).toBeInTheDocument();
    expect(screen.getByText(detail)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start fresh' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Start fresh with an empty data file?' });
    expect(dialog).toHaveTextContent('nothing is deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(transport.callsTo('app.startFresh')).toHaveLength(0);
  });

  it('shows the folder that cannot be written', async () => {
    renderApp('/', withStore({ state: 'unwritable', path: 'C:\\Users\\ana\\AppData\\Roaming\\GroupDesk', detail: 'EACCES' }));
    expect(await screen.findByRole('heading', { name: 'GroupDesk cannot save its data' })).toBeInTheDocument();
    expect(screen.getByText('C:\\Users\\ana\\AppData\\Roaming\\GroupDesk')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('switches to the problem view when the core reports it later', async () => {
    const { transport } = renderApp('/');
    await screen.findByRole('navigation', { name: 'Main' });
    const { act } = await import('@testing-library/react');
    act(() => transport.emit({ type: 'store.state', store: { state: 'unwritable', path: '/data', detail: 'disk full' } }));
    expect(await screen.findByRole('heading', { name: 'GroupDesk cannot save its data' })).toBeInTheDocument();
  });
});
