import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import type { ContractError } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';
import { AccountScreen } from './AccountScreen';
import { enrollSubscriber } from '@shared/help/tutorials/enroll-subscriber';
import { useTourStore } from '../../help/tour/tour-store';

/**
 * First launch: sign in to the plan's service, create a user ID there, or look around with the
 * sandbox's demo data (which is already starting behind this screen). A registration that is waiting
 * for its e-mail code is offered first, so a restart does not lose it.
 */
export function WelcomePage() {
  const api = useApi();
  const navigate = useNavigate();
  const setSession = useStatusStore((s) => s.setSession);
  const pending = useStatusStore((s) => s.session?.pendingVerification ?? null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const startTour = useTourStore((s) => s.start);

  /** Into the demo data; with `tour`, that tutorial's guided tour starts on the dashboard. */
  const explore = async (tour?: string) => {
    setBusy(true);
    const result = await api.call('session.dismissWelcome', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setSession(result.value);
    await navigate({ to: '/' });
    if (tour) startTour(tour);
  };

  return (
    <AccountScreen
      title="Welcome to GroupDesk"
      intro={
        <>
          <p>Manage your groups’ health plan enrollment: add and terminate members, request ID cards, and follow every change the plan makes.</p>
          <p>Sign in with the user ID your health plan gave you, create one, or explore GroupDesk with demo data first.</p>
        </>
      }
    >
      <div className="account-choices">
        {pending && (
          <button type="button" className="button button-primary" onClick={() => void navigate({ to: '/verify', search: {} })}>
            Finish creating {pending.userId}
          </button>
        )}
        <button type="button" className={`button${pending ? '' : ' button-primary'}`} onClick={() => void navigate({ to: '/sign-in', search: {} })}>
          Sign in
        </button>
        <button type="button" className="button" onClick={() => void navigate({ to: '/register' })}>
          Create an account
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void explore()}>
          Explore with demo data
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void explore(enrollSubscriber.id)}>
          Take a guided tour on demo data: {enrollSubscriber.title.toLowerCase()}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </AccountScreen>
  );
}
