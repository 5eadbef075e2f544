import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ContractError, MethodInput } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';
import { useAnnouncer } from '../../state/announcer';
import { formatInstant } from '../../components/format';
import { AccountScreen } from './AccountScreen';
import { TextField } from '../../components/form';
import { putOnFields } from '../../components/form-errors';
import { forgetRegistrationPassword, takeRegistrationPassword } from './registration-password';
import { codeForm, linkForm } from './verify-forms';
import type { CodeValues, LinkValues } from './verify-forms';

type Notice = { kind: 'status'; text: string } | { kind: 'error'; error: ContractError };

/**
 * Confirms the registration's e-mail address with the mailed 6-digit code, or with the mailed link
 * (pasted here, opened as `?token=`, or delivered by the desktop host as `link.verify`). Verified, the
 * user is signed in with the password still held from registration, or sent to sign in.
 */
export function VerifyPage({ token }: { token: string | undefined }) {
  const api = useApi();
  const navigate = useNavigate();
  const announce = useAnnouncer((s) => s.announce);
  const session = useStatusStore((s) => s.session);
  const setSession = useStatusStore((s) => s.setSession);
  const pending = session?.pendingVerification ?? null;
  const knownService = pending?.serviceUrl ?? session?.lastServiceUrl ?? '';
  const [notice, setNotice] = useState<Notice | null>(null);
  // Opened by a link this computer cannot verify alone (no service known): show the link's form.
  const [linkFirst] = useState(token !== undefined && knownService === '');

  const codeFormState = useForm<CodeValues>({ resolver: zodResolver(codeForm), defaultValues: { code: '' }, mode: 'onTouched' });
  const link = useForm<LinkValues>({ resolver: zodResolver(linkForm), defaultValues: { link: token ?? '', serviceUrl: knownService }, mode: 'onTouched' });

  const verified = async (serviceUrl: string, userId: string) => {
    const password = takeRegistrationPassword(serviceUrl, userId);
    if (password !== null) {
      setNotice({ kind: 'status', text: 'E-mail verified. Signing you in…' });
      announce('E-mail verified. Signing you in…');
      const signedIn = await api.call('session.signIn', { serviceUrl, userId, password, discardPending: false });
      if (signedIn.ok) {
        setSession(signedIn.value);
        announce(`E-mail verified. Signed in as ${userId}.`);
        void navigate({ to: '/access' });
        return;
      }
    }
    // Without the password (another window, a restart) or if signing in needs a question answered.
    void navigate({ to: '/sign-in', search: { verified: true, userId } });
  };

  /** Answers the error to show, or null once verified. */
  const verify = async (input: MethodInput<'account.verifyEmail'>): Promise<ContractError | null> => {
    setNotice(null);
    const result = await api.call('account.verifyEmail', input);
    if (!result.ok) return result.error;
    await verified(input.serviceUrl, result.value.userId);
    return null;
  };

  const submitCode = async ({ code }: CodeValues) => {
    if (!pending) return;
    const error = await verify({ serviceUrl: pending.serviceUrl, userId: pending.userId, code });
    if (!error) return;
    if (!putOnFields(codeFormState, error, ['code'])) codeFormState.setFocus('code');
    setNotice({ kind: 'error', error });
  };

  const submitLink = async (values: LinkValues) => {
    const error = await verify(values);
    if (!error) return;
    putOnFields(link, error, ['link', 'serviceUrl']);
    setNotice({ kind: 'error', error });
  };

  // The link opened the app (`?token=`): verify at once when the service is known, once per token.
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (token === undefined || knownService === '' || tried.current === token) return;
    tried.current = token;
    void verify({ serviceUrl: knownService, link: token }).then((error) => error && setNotice({ kind: 'error', error }));
  });

  const [resent, setResent] = useState(false);
  const resend = async () => {
    if (!pending) return;
    setNotice(null);
    const result = await api.call('account.resendVerification', { serviceUrl: pending.serviceUrl, userId: pending.userId });
    if (!result.ok) return setNotice({ kind: 'error', error: result.error });
    setNotice({ kind: 'status', text: result.value.message });
    setResent(true);
    announce(result.value.message);
  };

  const startOver = async () => {
    const result = await api.call('account.cancelVerification', {});
    if (!result.ok) return setNotice({ kind: 'error', error: result.error });
    // The registration given up will not sign in from here: its password is not kept for it.
    forgetRegistrationPassword();
    if (session) setSession({ ...session, pendingVerification: null });
    void navigate({ to: '/register' });
  };

  const linkFormView = (
    <FormProvider {...link}>
      <form className="settings-form" noValidate onSubmit={(e) => void link.handleSubmit(submitLink)(e)}>
        <TextField name="link" label="Link from the e-mail" type="text" autoComplete="off" hint="The whole link, starting with https:// or groupdesk://" />
        {knownService === '' && <TextField name="serviceUrl" label="Plan service address" type="url" autoComplete="url" inputMode="url" />}
        <div>
          <button type="submit" className="button" disabled={link.formState.isSubmitting}>
            Verify with the link
          </button>
        </div>
      </form>
    </FormProvider>
  );

  return (
    <AccountScreen
      title="Verify your e-mail address"
      intro={
        pending ? (
          <p>
            We sent a 6-digit code to <span className="strong">{pending.sentTo}</span>.
            {/* The service does not say when a resent code expires (its answer is the same for every user ID). */}
            {resent ? ' Use the code from the newest e-mail.' : ` It works until ${formatInstant(pending.expiresAt)}.`}
          </p>
        ) : (
          <p>Paste the link from the verification e-mail. To get a new code, register again or sign in.</p>
        )
      }
    >
      {notice?.kind === 'status' && <p className="account-status">{notice.text}</p>}
      {notice?.kind === 'error' && (
        <div className="form-error" role="alert">
          <p>{notice.error.message}</p>
        </div>
      )}
      {pending && (
        <FormProvider {...codeFormState}>
          <form className="settings-form" noValidate onSubmit={(e) => void codeFormState.handleSubmit(submitCode)(e)}>
            <TextField name="code" label="6-digit code" type="text" autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
            <div className="account-row">
              <button type="submit" className="button button-primary" disabled={codeFormState.formState.isSubmitting}>
                Verify
              </button>
              <button type="button" className="button" onClick={() => void resend()}>
                Send a new code
              </button>
            </div>
          </form>
        </FormProvider>
      )}
      {pending ? (
        <details className="account-disclosure" open={linkFirst}>
          <summary>Use the link instead</summary>
          {linkFormView}
        </details>
      ) : (
        linkFormView
      )}
      <div className="account-footer">
        {pending ? (
          <button type="button" className="link-button" onClick={() => void startOver()}>
            Start over with other details
          </button>
        ) : (
          <Link to="/register">Create an account</Link>
        )}
        <Link to="/sign-in" search={{}}>
          Sign in
        </Link>
      </div>
    </AccountScreen>
  );
}
