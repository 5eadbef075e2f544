import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { ContractError } from '@shared/contract';
import { contract } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';
import { useAnnouncer } from '../../state/announcer';
import { AccountScreen } from './AccountScreen';
import { TextField } from '../../components/form';

const unlockForm = contract['session.unlock'].input;
type UnlockValues = z.input<typeof unlockForm>;

/**
 * Covers the whole app while the session is locked (after inactivity, by the user, or still locked
 * from before a restart). The core checks the password on this computer, so unlocking works offline;
 * after five wrong ones it signs out and the lock goes with the session.
 */
export function LockScreen({ onSignedOut }: { onSignedOut: (why: 'signed_out' | 'wrong_passwords') => void }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const user = useStatusStore((s) => s.session?.user ?? null);
  const setSession = useStatusStore((s) => s.setSession);
  const [error, setError] = useState<ContractError | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const form = useForm<UnlockValues>({ resolver: zodResolver(unlockForm), defaultValues: { password: '' } });

  const unlock = async (values: UnlockValues) => {
    const result = await api.call('session.unlock', values);
    if (result.ok) {
      setSession(result.value);
      announce('GroupDesk is unlocked.');
      return;
    }
    // The fifth wrong password signed out: the core's session.changed has already taken the lock
    // (and this screen) away, so the reason is said on the Sign in page instead of here.
    if (useStatusStore.getState().session?.locked !== true) {
      announce(result.error.message);
      onSignedOut('wrong_passwords');
      return;
    }
    form.setValue('password', '');
    form.setFocus('password');
    setError(result.error);
  };

  const signOut = async () => {
    setSigningOut(true);
    const result = await api.call('session.signOut', {});
    setSigningOut(false);
    if (!result.ok) return setError(result.error);
    setSession(result.value);
    announce('Signed out. Changes you make wait on this computer until you sign in again.');
    onSignedOut('signed_out');
  };

  return (
    <AccountScreen
      title="GroupDesk is locked"
      intro={<p>{user ? `Signed in as ${user.name} (${user.userId}). Enter your password to continue.` : 'Enter your password to continue.'}</p>}
    >
      <FormProvider {...form}>
        <form className="settings-form" noValidate onSubmit={(e) => void form.handleSubmit(unlock)(e)}>
          {/* The username field lets a password manager match the saved login. */}
          <input type="text" hidden readOnly autoComplete="username" value={user?.userId ?? ''} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" />
          {error && (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="account-row">
            <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
              Unlock
            </button>
            <button type="button" className="button" disabled={signingOut} onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </form>
      </FormProvider>
    </AccountScreen>
  );
}
