import './two-factor.css';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ContractError } from '@shared/contract';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { recoveryCode, totpCode } from '@shared/plan-api/two-factor';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { CheckboxField, TextField } from '../../components/form';
import { putOnFields } from '../../components/form-errors';

// The field not in use is left as typed; only the one in use is checked (and normalised).
const byCode = z.object({ code: totpCode, recoveryCode: z.string(), rememberDevice: z.boolean() });
const byRecoveryCode = z.object({ code: z.string(), recoveryCode, rememberDevice: z.boolean() });
type Values = z.output<typeof byCode>;

interface Props {
  userId: string;
  onSignedIn: (session: SessionInfo) => void;
  /** Back to the password (the challenge is dropped). */
  onCancel: () => void;
}

/**
 * The second step of a sign-in with two-step sign-in on: the 6-digit code the authenticator app
 * shows, or (by the link under it) one of the recovery codes. The code field is announced by its
 * label, takes digits on a phone's keypad, and lets password managers fill it (one-time-code).
 */
export function SecondFactorForm({ userId, onSignedIn, onCancel }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [useRecovery, setUseRecovery] = useState(false);
  const [problem, setProblem] = useState<ContractError | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(useRecovery ? byRecoveryCode : byCode), defaultValues: { code: '', recoveryCode: '', rememberDevice: false }, mode: 'onSubmit' });

  // The step replaces the password form, and the link swaps the field: focus follows to the field to type in.
  useEffect(() => form.setFocus(useRecovery ? 'recoveryCode' : 'code'), [form, useRecovery]);

  const verify = async (values: Values) => {
    const input = useRecovery ? { recoveryCode: values.recoveryCode, rememberDevice: values.rememberDevice } : { code: values.code, rememberDevice: values.rememberDevice };
    const result = await api.call('session.completeSignIn', input);
    if (result.ok) {
      setProblem(null);
      onSignedIn(result.value);
      announce(`Signed in as ${userId}. Your groups are being downloaded.`);
      return;
    }
    const field = useRecovery ? 'recoveryCode' : 'code';
    // A refused code: the plan's sentence (not right, or already used) says more than the field's "Not right".
    if (result.error.code === 'AUTH') form.setError(field, { message: result.error.message });
    else putOnFields(form, result.error, ['code', 'recoveryCode']);
    form.setFocus(field);
    setProblem(result.error);
    // The plan dropped the challenge (expired, or used up): back to the password.
    if (result.error.code === 'AUTH' && /sign in again/i.test(result.error.message)) onCancel();
  };

  const switchMethod = () => {
    setProblem(null);
    form.clearErrors();
    setUseRecovery((on) => !on);
  };

  return (
    <FormProvider {...form}>
      <form className="settings-form" noValidate aria-labelledby="second-factor-title" onSubmit={(e) => void form.handleSubmit(verify)(e)}>
        <h2 id="second-factor-title" className="card-title">
          Two-step sign-in
        </h2>
        <p>
          {useRecovery
            ? `Enter one of the recovery codes you saved when you turned on two-step sign-in for ${userId}. Each code works once.`
            : `Enter the 6-digit code your authenticator app shows for ${userId}.`}
        </p>
        {useRecovery ? (
          <TextField key="recoveryCode" name="recoveryCode" label="Recovery code" autoComplete="off" size="medium" hint="Like 4kq7x-2m9pa" />
        ) : (
          <TextField key="code" name="code" label="6-digit code" autoComplete="one-time-code" inputMode="numeric" maxLength={7} size="short" />
        )}
        <CheckboxField name="rememberDevice" label="Remember this computer for 30 days" hint="You will not be asked for a code here until then, unless you end all other sessions, change your password or turn two-step sign-in off." />
        {problem && problem.code !== 'AUTH' && problem.code !== 'VALIDATION' && (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="two-factor-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Checking…' : 'Verify and sign in'}
          </button>
          <button type="button" className="link-button" onClick={switchMethod}>
            {useRecovery ? 'Use the code from your authenticator app' : 'Use a recovery code instead'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
