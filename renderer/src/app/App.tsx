import { useEffect, useState } from 'react';
import { RouterProvider } from '@tanstack/react-router';
import type { RouterHistory } from '@tanstack/react-router';
import { ApiProvider, useApi, useCoreEvent } from '../api/ApiProvider';
import { useQuery } from '../api/useQuery';
import type { Transport } from '../api/transport';
import { useStatusStore } from '../state/statusStore';
import { ErrorState } from '../components/ErrorState';
import { SkeletonBlock } from '../components/Skeleton';
import { LiveRegion } from '../components/LiveRegion';
import { StoreProblem } from './StoreProblem';
import { createAppRouter } from './router';

/** Keeps the status store current from the core's events, for the whole life of the window. */
function StatusFeed() {
  const api = useApi();
  const setStore = useStatusStore((s) => s.setStore);
  const setSync = useStatusStore((s) => s.setSync);
  const setSession = useStatusStore((s) => s.setSession);
  const mode = useStatusStore((s) => s.sync?.mode ?? null);
  const signedOut = useStatusStore((s) => s.sync?.state === 'signed_out');

  useCoreEvent((event) => {
    if (event.type === 'store.state') setStore(event.store);
    else if (event.type === 'sync.status') setSync(event);
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
      if (current && result.ok) setSession(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, mode, signedOut, setSession]);
  return null;
}

/**
 * Asks the core how its store is before showing anything: a store that cannot be used gets a
 * full-screen explanation instead of an app full of errors.
 */
function Gate({ history }: { history: RouterHistory }) {
  const status = useQuery('app.status', {});
  const setApp = useStatusStore((s) => s.setApp);
  const app = useStatusStore((s) => s.app);
  const [router] = useState(() => createAppRouter(history));

  useEffect(() => {
    if (status.status === 'ready') setApp(status.data);
  }, [status.status, status.data, setApp]);

  if (status.status === 'error' && !app)
    return (
      <div className="fullscreen">
        <ErrorState title="GroupDesk could not start" error={status.error} onRetry={status.reload} />
      </div>
    );
  if (!app)
    return (
      <div className="fullscreen">
        <SkeletonBlock label="Opening GroupDesk…" lines={3} />
      </div>
    );
  if (app.store.state !== 'ready') return <StoreProblem store={app.store} onCheckAgain={status.reload} />;
  return <RouterProvider router={router} />;
}

export function App({ transport, history }: { transport: Transport; history: RouterHistory }) {
  return (
    <ApiProvider transport={transport}>
      <StatusFeed />
      <Gate history={history} />
      <LiveRegion />
    </ApiProvider>
  );
}
