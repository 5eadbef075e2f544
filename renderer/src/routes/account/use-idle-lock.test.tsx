import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';
import { signedInRemote } from './test-support/account-fixtures';

const minute = 60_000;

function launch(session = signedInRemote) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: session }));
  transport.on('session.lock', () => ({ ok: true, value: { ...session, locked: true } }));
  return renderApp('/', transport);
}

// The clock is the subject here: fake timers stand in for fifteen minutes without input.
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Lock after inactivity', () => {
  it('locks after the chosen minutes without input, counted from the last input', async () => {
    const { transport } = launch();
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => vi.advanceTimersByTime(10 * minute));
    fireEvent.keyDown(window, { key: 'a' });
    act(() => vi.advanceTimersByTime(10 * minute));
    expect(transport.callsTo('session.lock')).toEqual([]);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    await act(async () => {
      vi.advanceTimersByTime(5 * minute);
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'GroupDesk is locked' })).toBeInTheDocument();
    expect(transport.callsTo('session.lock')).toEqual([{}]);
  });

  it('never locks by itself when set to Never, and not in the sandbox', async () => {
    const never = launch({ ...signedInRemote, autoLockMinutes: 0 });
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => vi.advanceTimersByTime(120 * minute));
    expect(never.transport.callsTo('session.lock')).toEqual([]);
    never.unmount();

    const sandbox = launch({ ...signedInRemote, mode: 'sandbox' });
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => vi.advanceTimersByTime(120 * minute));
    expect(sandbox.transport.callsTo('session.lock')).toEqual([]);
  });

  it('locks at once with Ctrl+Shift+L', async () => {
    const { transport } = launch({ ...signedInRemote, autoLockMinutes: 0 });
    await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.keyDown(window, { key: 'L', ctrlKey: true, shiftKey: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'GroupDesk is locked' })).toBeInTheDocument();
    expect(transport.callsTo('session.lock')).toEqual([{}]);
  });
});
