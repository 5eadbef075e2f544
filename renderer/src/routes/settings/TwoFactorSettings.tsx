import { useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ContractError } from '@shared/contract';
import { contract } from '@shared/contract';
import type { TwoFactorEnrollment } from '@shared/contract/methods/two-factor';
import type { TwoFactorStatus } from '@shared/plan-api/two-factor';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { useAnnouncer } from '../../state/announcer';
import { TextField } from '../../components/form';
import { putOnFields } from '../../components/form-errors';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { RecoveryCodes } from './RecoveryCodes';
import { SignOutEverywhere } from './SignOutEverywhere';
import '../account/two-factor.css';

// Each form's fields have names of their own: a field's id comes from its name, and Settings shows
// these forms beside the sign-in form (which has its own password and code).
const { code } = contract['twoFactor.confirm'].input.shape;
const { password } = contract['twoFactor.disable'].input.shape;
const enrollForm = z.object({ enrollCode: code });
const renewForm = z.object({ renewCode: code });
const disableForm = z.object({ offPassword: password, offCode: code });

/**
 * Settings → Security: two-step sign-in at the plan service. Off: turn it on (QR code and the
 * secret to type, then a first code, then the recovery codes to keep). On: new recovery codes (with
 * a current code) and turning it off (password and code), unless the plan requires it.
 */
export function TwoFactorSettings({ userId, onEnabled }: { userId: string; onEnabled: () => void }) {
  const id = useId();
  const status = useQuery('twoFactor.status', {});
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        Security: two-step sign-in
      </h2>
      {status.status === 'error' && !status.data ? (
        <ErrorState title="Two-step sign-in could not be checked" error={status.error} onRetry={status.reload} />
      ) : !status.data ? (
        <SkeletonBlock label="Checking two-step sign-in…" lines={3} />
      ) : codes ? (
        <RecoveryCodes userId={userId} codes={codes} onDone={() => setCodes(null)} />
      ) : status.data.enabled ? (
        <TwoFactorOn status={status.data} onCodes={setCodes} onChanged={status.reload} />
      ) : (
        <TwoFactorOff
          status={status.data}
          onEnabled={(recoveryCodes) => {
            setCodes(recoveryCodes);
            status.reload();
            onEnabled();
          }}
        />
      )}
      {/* A session limited to setting up two-step sign-in can do nothing else at the plan. */}
      {status.data && !status.data.sessionLimited && !codes && <SignOutEverywhere />}
    </section>
  );
}

function TwoFactorOff({ status, onEnabled }: { status: TwoFactorStatus; onEnabled: (codes: string[]) => void }) {
  const api = useApi();
  const [enrollment, setEnrollment] = useState<TwoFactorEnrollment | null>(null);
  const [problem, setProblem] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    const result = await api.call('twoFactor.start', {});
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    setEnrollment(result.value);
  };

  return (
    <>
      {status.sessionLimited ? (
        <p className="form-error" role="alert">
          Your health plan requires two-step sign-in for primary administrators and billing users. Turn it on to continue: until then GroupDesk can only set it up or sign out.
        </p>
      ) : (
        <p>
          Off. With two-step sign-in, signing in also asks for a 6-digit code from an authenticator app on your phone, so a stolen password alone does not open your account.
          {status.required ? ' Your health plan requires it for your role.' : ''}
        </p>
      )}
      {enrollment ? (
        <ConfirmEnrollment enrollment={enrollment} onEnabled={onEnabled} />
      ) : (
        <div>
          <button type="button" className="button button-primary" onClick={() => void start()} disabled={busy}>
            {busy ? 'Preparing…' : 'Turn on two-step sign-in'}
          </button>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </>
  );
}

function ConfirmEnrollment({ enrollment, onEnabled }: { enrollment: TwoFactorEnrollment; onEnabled: (codes: string[]) => void }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const id = useId();
  const [problem, setProblem] = useState<ContractError | null>(null);
  const form = useForm<z.input<typeof enrollForm>, unknown, z.output<typeof enrollForm>>({ resolver: zodResolver(enrollForm), defaultValues: { enrollCode: '' } });

  const confirm = async ({ enrollCode }: z.output<typeof enrollForm>) => {
    const result = await api.call('twoFactor.confirm', { code: enrollCode });
    if (!result.ok) {
      if (!putOnFields(form, result.error, ['enrollCode'], { code: 'enrollCode' })) setProblem(result.error);
      form.setFocus('enrollCode');
      return;
    }
    announce('Two-step sign-in is on. Save your recovery codes now.');
    onEnabled(result.value.recoveryCodes);
  };

  return (
    <FormProvider {...form}>
      <form className="settings-form" noValidate onSubmit={(e) => void form.handleSubmit(confirm)(e)}>
        <ol className="two-factor-steps">
          <li>
            <p>Open your authenticator app and add an account by scanning this QR code.</p>
            <div className="two-factor-setup">
              <img className="two-factor-qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(enrollment.qrSvg)}`} alt="QR code for your authenticator app. If you cannot scan it, type the key shown beside it." />
              <div>
                <p id={`${id}-key-label`}>Cannot scan? Type this key instead (letters and digits, spaces do not matter):</p>
                <p className="two-factor-secret" aria-labelledby={`${id}-key-label`}>
                  {enrollment.secretGroups.map((group, index) => (
                    <span key={index}>{group}</span>
                  ))}
                </p>
                <p className="muted">This key is shown only now. Keep it secret: anyone who has it can make your codes.</p>
              </div>
            </div>
          </li>
          <li>
            <TextField name="enrollCode" label="Enter the 6-digit code the app now shows" autoComplete="one-time-code" inputMode="numeric" maxLength={7} size="short" />
          </li>
        </ol>
        {problem && (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Checking…' : 'Confirm and turn on'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function TwoFactorOn({ status, onCodes, onChanged }: { status: TwoFactorStatus; onCodes: (codes: string[]) => void; onChanged: () => void }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const id = useId();
  const [problem, setProblem] = useState<ContractError | null>(null);
  const renew = useForm<z.input<typeof renewForm>, unknown, z.output<typeof renewForm>>({ resolver: zodResolver(renewForm), defaultValues: { renewCode: '' } });
  const off = useForm<z.input<typeof disableForm>, unknown, z.output<typeof disableForm>>({ resolver: zodResolver(disableForm), defaultValues: { offPassword: '', offCode: '' } });

  const regenerate = async ({ renewCode }: z.output<typeof renewForm>) => {
    const result = await api.call('twoFactor.regenerateRecoveryCodes', { code: renewCode });
    if (!result.ok) {
      if (!putOnFields(renew, result.error, ['renewCode'], { code: 'renewCode' })) setProblem(result.error);
      return;
    }
    announce('New recovery codes made. The earlier ones no longer work.');
    onCodes(result.value.recoveryCodes);
  };

  const disable = async ({ offPassword, offCode }: z.output<typeof disableForm>) => {
    const result = await api.call('twoFactor.disable', { password: offPassword, code: offCode });
    if (!result.ok) {
      if (!putOnFields(off, result.error, ['offPassword', 'offCode'], { password: 'offPassword', code: 'offCode' })) setProblem(result.error);
      return;
    }
    announce('Two-step sign-in is off.');
    onChanged();
  };

  return (
    <>
      <p>
        On. Signing in asks for a code from your authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
        {status.required ? ' Your health plan requires it for your role, so it stays on.' : ''}
      </p>
      <FormProvider {...renew}>
        <form className="settings-form" noValidate aria-labelledby={`${id}-renew`} onSubmit={(e) => void renew.handleSubmit(regenerate)(e)}>
          <h3 id={`${id}-renew`}>New recovery codes</h3>
          <TextField name="renewCode" label="Current 6-digit code" autoComplete="one-time-code" inputMode="numeric" maxLength={7} size="short" />
          <div>
            <button type="submit" className="button" disabled={renew.formState.isSubmitting}>
              Make new recovery codes
            </button>
          </div>
        </form>
      </FormProvider>
      {!status.required && (
        <FormProvider {...off}>
          <form className="settings-form" noValidate aria-labelledby={`${id}-off`} onSubmit={(e) => void off.handleSubmit(disable)(e)}>
            <h3 id={`${id}-off`}>Turn off two-step sign-in</h3>
            <TextField name="offPassword" label="Password" type="password" autoComplete="current-password" />
            <TextField name="offCode" label="Current 6-digit code" autoComplete="one-time-code" inputMode="numeric" maxLength={7} size="short" />
            <div>
              <button type="submit" className="button" disabled={off.formState.isSubmitting}>
                Turn off
              </button>
            </div>
          </form>
        </FormProvider>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </>
  );
}
