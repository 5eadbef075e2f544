import { useState } from 'react';
import type { ContractError } from '@shared/contract';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { roleLabels } from '@shared/contract/roles';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { useStatusStore } from '../../state/status-store';
import { useAnnouncer } from '../../state/announcer';
import { useSignOut } from '../../state/use-sign-out';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { DiscardPendingDialog } from './DiscardPendingDialog';
import type { DiscardRequest } from './DiscardPendingDialog';
import { asksToDiscard } from './DiscardPendingDialog';
import { SignInForm } from './SignInForm';
import { ScreenLockSetting } from './ScreenLockSetting';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorSettings } from './TwoFactorSettings';

function hostOf(url: string | null): string {
  if (!url) return 'the plan service';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Where GroupDesk gets its data (the built-in sandbox or the plan's service), who is signed in and
 * with which role in each group; connect to a plan service, sign out, or go back to the sandbox.
 */
export function SettingsPage(_props: Record<string, never>) {
  const stored = useStatusStore((s) => s.session);
  const setSession = useStatusStore((s) => s.setSession);
  const current = useQuery('session.get', {});
  const [discard, setDiscard] = useState<DiscardRequest | null>(null);
  // An answer to sign in / sign out / use the sandbox is newer than the page's own query.
  const session = stored ?? current.data;

  return (
    <div className="page page-settings">
      <div className="page-header">
        <h1 className="page-title">Settings</h1>
      </div>
      {current.status === 'error' && !session ? (
        <ErrorState title="The connection settings could not be loaded" error={current.error} onRetry={current.reload} />
      ) : !session ? (
        <SkeletonBlock label="Loading the connection settings…" lines={5} />
      ) : (
        <div className="settings-grid">
          <Connection session={session} onSession={setSession} onNeedsDiscard={setDiscard} />
          {session.mode === 'remote' && session.user && <TwoFactorSettings userId={session.user.userId} onEnabled={() => setSession({ ...session, twoFactorSetupRequired: false })} />}
          {/* A session limited to setting up two-step sign-in can do nothing else at the plan. */}
          {session.mode === 'remote' && session.user && session.twoFactorSetupRequired !== true && (
            <>
              <ScreenLockSetting session={session} onSession={setSession} />
              <ChangePasswordForm userId={session.user.userId} />
            </>
          )}
          <section className="card" aria-labelledby="connect-title">
            <h2 id="connect-title" className="card-title">
              {session.mode === 'remote' ? 'Connect to another plan service' : 'Connect to your plan service'}
            </h2>
            <p className="settings-intro">
              Sign in with the user ID and password your health plan gave you. GroupDesk then downloads your groups from the plan and
              replaces the data on this computer with them.
            </p>
            <SignInForm defaultUrl={session.mode === 'remote' ? (session.serviceUrl ?? '') : ''} onSignedIn={setSession} onNeedsDiscard={setDiscard} />
          </section>
        </div>
      )}
      <DiscardPendingDialog request={discard} onDismiss={() => setDiscard(null)} />
    </div>
  );
}

interface ConnectionProps {
  session: SessionInfo;
  onSession: (session: SessionInfo) => void;
  onNeedsDiscard: (request: DiscardRequest) => void;
}

function Connection({ session, onSession, onNeedsDiscard }: ConnectionProps) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const sandbox = session.mode === 'sandbox';

  const signOutOfPlan = useSignOut();
  const signOut = async () => {
    setBusy(true);
    setError(await signOutOfPlan());
    setBusy(false);
  };

  const switchToSandbox = async (discardPending: boolean) => {
    setBusy(true);
    const result = await api.call('session.useSandbox', { discardPending });
    setBusy(false);
    if (!result.ok) {
      if (asksToDiscard(result.error, discardPending)) {
        onNeedsDiscard({ message: result.error.message, action: 'Discard and use the sandbox', retry: () => void switchToSandbox(true) });
        return;
      }
      return setError(result.error);
    }
    setError(null);
    onSession(result.value);
    announce('Using the sandbox: demo data on this computer.');
  };

  return (
    <section className="card" aria-labelledby="connection-title">
      <h2 id="connection-title" className="card-title">
        Plan service
      </h2>
      <dl className="fields">
        <div className="field">
          <dt>In use</dt>
          <dd>{sandbox ? 'Sandbox: demo data on this computer, from the plan service built into GroupDesk' : `Your plan’s service at ${hostOf(session.serviceUrl)}`}</dd>
        </div>
        {session.serviceUrl && (
          <div className="field">
            <dt>Address</dt>
            <dd className="mono settings-url">{session.serviceUrl}</dd>
          </div>
        )}
        <div className="field">
          <dt>Signed in as</dt>
          <dd>
            {session.user ? (
              <>
                {session.user.name} <span className="muted">({session.user.userId})</span>
                <br />
                <span className="muted">{session.user.email}</span>
              </>
            ) : (
              'Not signed in'
            )}
          </dd>
        </div>
      </dl>

      {session.groups.length > 0 && (
        <TableScroll labelledBy="settings-groups-title">
          <table className="table settings-groups">
            <caption id="settings-groups-title" className="settings-caption">
              Your groups
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Number</th>
                <th scope="col">Your role</th>
              </tr>
            </thead>
            <tbody>
              {session.groups.map((g) => (
                <tr key={g.groupNumber}>
                  <th scope="row">{g.name}</th>
                  <td className="mono">{g.groupNumber}</td>
                  <td>{roleLabels[g.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {!sandbox && (
        <div className="settings-actions">
          {session.user && (
            <button type="button" className="button" disabled={busy} onClick={() => void signOut()}>
              Sign out
            </button>
          )}
          <ConfirmDialog
            trigger={
              <button type="button" className="button" disabled={busy}>
                Use the sandbox
              </button>
            }
            title="Use the sandbox instead?"
            description="GroupDesk switches to demo data on this computer. Your plan’s data here is replaced; sign in again to download it back."
            cancelLabel="Stay connected"
            confirmLabel="Use the sandbox"
            onConfirm={() => void switchToSandbox(false)}
          />
        </div>
      )}
    </section>
  );
}
