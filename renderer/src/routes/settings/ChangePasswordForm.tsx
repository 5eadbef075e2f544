import { useId, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ContractError } from '@shared/contract';
import { contract } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { TextField } from '../../components/form';
import { PasswordChecklist } from '../account/PasswordChecklist';
import { putOnFields } from '../../components/form-errors';

const request = contract['account.changePassword'].input.shape;

/** The core's field schemas, the confirmation it never sees, and the rules that need the user ID. */
function changePasswordForm(userId: string) {
  return z
    .object({ currentPassword: request.currentPassword, newPassword: request.newPassword, confirmPassword: z.string() })
    .superRefine((values, ctx) => {
      if (values.newPassword.toLowerCase().includes(userId.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Your password must not contain your user ID.' });
      if (values.newPassword !== values.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
    });
}
type Values = z.input<ReturnType<typeof changePasswordForm>>;
const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/**
 * Changes the password at the plan service, which signs out the user's other sessions (another
 * computer, a browser) and says how many; this one stays signed in.
 */
export function ChangePasswordForm({ userId }: { userId: string }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const id = useId();
  const [schema] = useState(() => changePasswordForm(userId));
  const [problem, setProblem] = useState<ContractError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' }, mode: 'onTouched' });
  const [password, confirm] = useWatch({ control: form.control, name: ['newPassword', 'confirmPassword'] });

  const change = async ({ currentPassword, newPassword }: Values) => {
    setDone(null);
    const result = await api.call('account.changePassword', { currentPassword, newPassword });
    if (!result.ok) {
      // A wrong current password is the usual AUTH answer: it belongs on that field.
      if (!putOnFields(form, result.error, fields) && result.error.code === 'AUTH') {
        form.setError('currentPassword', { message: result.error.message });
        form.setFocus('currentPassword');
      }
      setProblem(result.error);
      return;
    }
    setProblem(null);
    form.reset();
    const message = `Password changed. ${result.value.endedSessions} other session(s) signed out.`;
    setDone(message);
    announce(message);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        Change password
      </h2>
      <FormProvider {...form}>
        <form className="settings-form" noValidate onSubmit={(e) => void form.handleSubmit(change)(e)}>
          <input type="text" hidden readOnly autoComplete="username" value={userId} />
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" describedBy={`${id}-rules`} />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" describedBy={`${id}-rules`} />
          <PasswordChecklist id={`${id}-rules`} password={password} confirm={confirm} userId={userId} />
          {problem && problem.code !== 'AUTH' && (
            <p className="form-error" role="alert">
              {problem.message}
            </p>
          )}
          {done && <p className="account-status">{done}</p>}
          <div>
            <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Changing your password…' : 'Change password'}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
