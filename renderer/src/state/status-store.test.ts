import { afterEach, describe, expect, it } from 'vitest';
import { sessionWithRoles } from '../test-support/fake-transport';
import { useStatusStore } from './status-store';

describe('status store', () => {
  afterEach(() => useStatusStore.setState({ session: null, sync: null }));

  it('keeps the newer session when an older answer arrives after a newer event', () => {
    const answered = { ...sessionWithRoles({}, 'remote'), revision: 10 };
    const announced = { ...sessionWithRoles({ '100234': 'admin' }, 'remote'), revision: 11 };
    const { setSession } = useStatusStore.getState();
    setSession(announced);
    setSession(answered);
    expect(useStatusStore.getState().session).toBe(announced);
    // A window's own change to the session it holds (the same revision) still applies.
    const patched = { ...announced, pendingVerification: null };
    setSession(patched);
    expect(useStatusStore.getState().session).toBe(patched);
  });

  it('keeps the sync that ended when the Sync now answer saying it started arrives late', () => {
    const base = { mode: 'remote', online: true, pending: 0, rejected: 0, progress: null, message: null, nextAttemptAt: null } as const;
    const { setSync } = useStatusStore.getState();
    setSync({ ...base, type: 'sync.status', state: 'idle', lastSyncAt: '2026-11-27T15:00:01.000Z', revision: 21 });
    setSync({ ...base, state: 'syncing', lastSyncAt: null, revision: 20 });
    expect(useStatusStore.getState().sync).toMatchObject({ state: 'idle', revision: 21 });
  });
});
