import { afterEach, describe, expect, it } from 'vitest';
import { sessionWithRoles } from '../test/fakeTransport';
import { useStatusStore } from './statusStore';

describe('status store', () => {
  afterEach(() => useStatusStore.setState({ session: null }));

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
});
