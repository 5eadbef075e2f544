import { useId, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ContractError } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useStatusStore } from '../../state/status-store';
import { serviceUrlHint } from '../settings/SignInForm';
import { AccountScreen } from './AccountScreen';
import { BackLink } from './BackLink';
import { TextField } from '../../components/form';
import { PasswordChecklist } from './PasswordChecklist';
import { putOnFields } from '../../components/form-errors';
import { holdRegistrationPassword } from './registration-password';
import { registerFields, registerForm } from './register-form';
import type { RegisterParsed, RegisterValues } from './register-form';

function problemTitle(error: ContractError): string {
  switch (error.code) {
    case 'OFFLINE':
      return 'GroupDesk could not reach the plan service. Check the address and this computer’s network connection, then try again.';
    case 'VALIDATION':
    case 'CONFLICT':
    case 'RULE':
      return 'Some details need fixing.';
    default:
      return 'Your account could not be created.';
  }
}

/**
 * Creates a user ID at the plan service. The service mails a code to the address; the password
 * stays in this window's memory so that, once verified, the user is signed in without retyping it.
 */
export function RegisterPage() {
  const api = useApi();
  const navigate = useNavigate();
  const session = useStatusStore((s) => s.session);
  const setSession = useStatusStore((s) => s.setSession);
  const checklistId = useId();
  const [problem, setProblem] = useState<ContractError | null>(null);
  const form = useForm<RegisterValues, unknown, RegisterParsed>({
    resolver: zodResolver(registerForm),
    defaultValues: { serviceUrl: session?.lastServiceUrl ?? '', userId: '', password: '', confirmPassword: '', name: '', email: '', phone: '' },
    mode: 'onTouched',
  });
  const [password, confirm, userId] = useWatch({ control: form.control, name: ['password', 'confirmPassword', 'userId'] });

  const register = async ({ confirmPassword: _confirm, ...values }: RegisterParsed) => {
    const result = await api.call('account.register', values);
    if (!result.ok) {
      putOnFields(form, result.error, registerFields);
      setProblem(result.error);
      return;
    }
    holdRegistrationPassword({ serviceUrl: values.serviceUrl, userId: values.userId, password: values.password });
    // The core's session.changed says the same; this answer is here first, and Verify needs it.
    if (session) setSession({ ...session, pendingVerification: result.value, lastServiceUrl: values.serviceUrl });
    void navigate({ to: '/verify', search: {} });
  };

  return (
    <AccountScreen title="Create your account" wide intro={<p>Your health plan’s service keeps your user ID. It mails a code to your e-mail address to make sure it is yours.</p>}>
      <FormProvider {...form}>
        <form className="settings-form" noValidate onSubmit={(e) => void form.handleSubmit(register)(e)}>
          <TextField name="serviceUrl" label="Plan service address" type="url" autoComplete="url" inputMode="url" hint={serviceUrlHint} />
          <TextField name="userId" label="User ID" type="text" autoComplete="username" hint="6 to 32 letters, digits, periods, underscores or hyphens" />
          <TextField name="password" label="Password" type="password" autoComplete="new-password" describedBy={checklistId} />
          <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" describedBy={checklistId} />
          <PasswordChecklist id={checklistId} password={password} confirm={confirm} userId={userId} />
          <TextField name="name" label="Full name" type="text" autoComplete="name" />
          <TextField name="email" label="E-mail address" type="email" autoComplete="email" inputMode="email" hint="The code to verify your account goes here." />
          <TextField name="phone" label="Phone" optional type="tel" autoComplete="tel" inputMode="tel" />
          {problem && (
            <div className="form-error" role="alert">
              <p className="strong">{problemTitle(problem)}</p>
              <p>{problem.message}</p>
            </div>
          )}
          <div>
            <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Creating your account…' : 'Create account'}
            </button>
          </div>
        </form>
      </FormProvider>
      <div className="account-footer">
        <span>
          Already have a user ID? <Link to="/sign-in" search={{}}>Sign in</Link>
        </span>
        <BackLink welcome={session?.welcome ?? false} />
      </div>
    </AccountScreen>
  );
}
