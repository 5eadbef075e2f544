import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { useStatusStore } from '../../state/status-store';
import { SignInForm } from '../settings/SignInForm';
import { DiscardPendingDialog } from '../settings/DiscardPendingDialog';
import type { DiscardRequest } from '../settings/DiscardPendingDialog';
import { AccountScreen } from './AccountScreen';
import { afterSignIn } from './after-sign-in';
import { BackLink } from './BackLink';

/** Sign in to a plan service from Welcome or after verifying an e-mail address; Settings uses the same form. */
export function SignInPage({ verified, userId, lockedOut = false }: { verified: boolean; userId: string | undefined; lockedOut?: boolean }) {
  const navigate = useNavigate();
  const setSession = useStatusStore((s) => s.setSession);
  const session = useStatusStore((s) => s.session);
  const [discard, setDiscard] = useState<DiscardRequest | null>(null);

  const signedIn = (next: SessionInfo) => {
    setSession(next);
    void navigate(afterSignIn(next));
  };

  return (
    <AccountScreen title="Sign in" intro={<p>Sign in with the user ID and password you use at your health plan. GroupDesk then downloads your groups.</p>}>
      {verified && (
        <p className="account-status">E-mail verified. Sign in to continue.</p>
      )}
      {/* The lock's fifth wrong password (screen-lock.ts) signed out, and the lock screen went with the session. */}
      {lockedOut && (
        <p className="form-error" role="alert">
          Five wrong passwords: GroupDesk signed you out. Sign in again to continue; your unsent changes are kept.
        </p>
      )}
      <SignInForm defaultUrl={session?.lastServiceUrl ?? ''} defaultUserId={userId} onSignedIn={signedIn} onNeedsDiscard={setDiscard} />
      <div className="account-footer">
        <Link to="/register">Create an account</Link>
        <BackLink welcome={session?.welcome ?? false} />
      </div>
      <DiscardPendingDialog request={discard} onDismiss={() => setDiscard(null)} />
    </AccountScreen>
  );
}
