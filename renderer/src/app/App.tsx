import { useCallback, useEffect, useState } from 'react';
import { RouterProvider } from '@tanstack/react-router';
import type { RouterHistory } from '@tanstack/react-router';
import { ApiProvider, useApi, useCoreEvent } from '../api/ApiProvider';
import { useQuery } from '../api/use-query';
import type { Transport } from '../api/transport';
import { useStatusStore } from '../state/status-store';
import { ErrorState } from '../components/ErrorState';
import { SkeletonBlock } from '../components/Skeleton';
import { LiveRegion } from '../components/LiveRegion';
import { StoreProblem } from './StoreProblem';
import { createAppRouter } from './router';
import { LockScreen } from '../routes/account/LockScreen';
import { useIdleLock } from '../routes/account/use-idle-lock';

/** Keeps the status store current from the core's events, for the whole life of the window. */
function StatusFeed({ onSessionAnswered }: { onSessionAnswered: () => void }) {
  const api = useApi();
  const setStore = useStatusStore((s) => s.setStore);
  const setSync = useStatusStore((s) => s.setSync);
  const setSession = useStatusStore((s) => s.setSession);
  const mode = useStatusStore((s) => s.sync?.mode ?? null);
  const signedOut = useStatusStore((s) => s.sync?.state === 'signed_out');

  useCoreEvent((event) => {
    if (event.type === 'store.state') setStore(event.store);
    else if (event.type === 'sync.status') setSync(event);
    else if (event.type === 'session.changed') setSession(event.session);
  });

  // Events only say what changed: ask once for the state the window opened into. An event that
  // arrived while the answer was on its way is newer, so it wins.
  useEffect(() => {
    let current = true;
    void api.call('sync.status', {}).then((result) => {
      if (current && result.ok && useStatusStore.getState().sync === null) setSync(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, setSync]);

  // Who is signed in where changes with the mode (sandbox or a plan service) and when a session ends.
  useEffect(() => {
    let current = true;
    void api.call('session.get', {}).then((result) => {
      if (!current) return;
      if (result.ok) setSession(result.value);
      onSessionAnswered();
    });
    return () => {
      current = false;
    };
  }, [api, mode, signedOut, setSession, onSessionAnswered]);
  return null;
}

/**
 * Asks the core how its store is before showing anything: a store that cannot be used gets a
 * full-screen explanation instead of an app full of errors. It also waits for the first session
 * answer (Welcome or the app, locked or not), and a locked session shows only the lock screen.
 */
function Gate({ history, sessionAnswered }: { history: RouterHistory; sessionAnswered: boolean }) {
  const status = useQuery('app.status', {});
  const setApp = useStatusStore((s) => s.setApp);
  const app = useStatusStore((s) => s.app);
  const locked = useStatusStore((s) => s.session?.locked ?? false);
  const [router] = useState(() => createAppRouter(history));
  useIdleLock();

  // The desktop host parsed a groupdesk://verify link: verify it in this window.
  useCoreEvent((event) => {
    if (event.type === 'link.verify') void router.navigate({ to: '/verify', search: { token: event.token } });
  });

  useEffect(() => {
    if (status.status === 'ready') setApp(status.data);
  }, [status.status, status.data, setApp]);

  if (status.status === 'error' && !app)
    return (
      <div className="fullscreen">
        <ErrorState title="GroupDesk could not start" error={status.error} onRetry={status.reload} />
      </div>
    );
  if (!app || !sessionAnswered)
    return (
      <div className="fullscreen">
        <SkeletonBlock label="Opening GroupDesk…" lines={3} />
      </div>
    );
  if (app.store.state !== 'ready') return <StoreProblem store={app.store} onCheckAgain={status.reload} />;
  // The app unmounts under the lock: nothing of it stays on screen or asks the (refusing) core.
  if (locked) return <LockScreen onSignedOut={(why) => void router.navigate({ to: '/sign-in', search: why === 'wrong_passwords' ? { lockedOut: true } : {} })} />;
  return <RouterProvider router={router} />;
}

export function App({ transport, history }: { transport: Transport; history: RouterHistory }) {
  const [sessionAnswered, setSessionAnswered] = useState(false);
  const onSessionAnswered = useCallback(() => setSessionAnswered(true), []);
  return (
    <ApiProvider transport={transport}>
      <StatusFeed onSessionAnswered={onSessionAnswered} />
      <Gate history={history} sessionAnswered={sessionAnswered} />
      <LiveRegion />
    </ApiProvider>
  );
}
