import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { ContractError } from '@shared/contract';
import { contract } from '@shared/contract';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import type { DiscardRequest } from './DiscardPendingDialog';
import { asksToDiscard } from './DiscardPendingDialog';
import { TextField } from '../../components/form';
import { SecondFactorForm } from '../account/SecondFactorForm';

// The same schema the core validates with, so the form's messages and the core's agree.
const schema = contract['session.signIn'].input.omit({ discardPending: true });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fieldNames = ['serviceUrl', 'userId', 'password'] as const;
type FieldName = (typeof fieldNames)[number];
const isFieldName = (name: string): name is FieldName => (fieldNames as readonly string[]).includes(name);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A failed sign-in in words that say what to do; the core's message follows with its specifics. */
function problemTitle(error: ContractError, url: string): string {
  switch (error.code) {
    case 'AUTH':
      return 'The plan service did not accept this user ID and password.';
    case 'OFFLINE':
      return `GroupDesk could not reach ${hostOf(url)}. Check the address and this computer’s network connection, then try again.`;
    case 'VALIDATION':
      return 'Some details need fixing.';
    default:
      return 'Signing in did not work.';
  }
}

/** Also under the address field of registration. */
export const serviceUrlHint = 'The address your health plan gave you, like https://plan.example.com';

interface Props {
  defaultUrl: string;
  /** Prefilled after an e-mail verification, which names the user ID. */
  defaultUserId?: string;
  onSignedIn: (session: SessionInfo) => void;
  onNeedsDiscard: (request: DiscardRequest) => void;
}

export function SignInForm({ defaultUrl, defaultUserId = '', onSignedIn, onNeedsDiscard }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [problem, setProblem] = useState<{ title: string; error: ContractError } | null>(null);
  // The password was right and the plan asks for the second step (two-step sign-in).
  const [secondStepFor, setSecondStepFor] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: { serviceUrl: defaultUrl, userId: defaultUserId, password: '' },
    mode: 'onTouched',
  });
  const { isSubmitting } = form.formState;

  const signIn = async (values: Parsed, discardPending: boolean) => {
    const result = await api.call('session.signIn', { ...values, discardPending });
    if (result.ok) {
      setProblem(null);
      form.reset({ serviceUrl: values.serviceUrl, userId: values.userId, password: '' });
      if (result.value.secondFactor) {
        setSecondStepFor(result.value.secondFactor.userId);
        return;
      }
      onSignedIn(result.value);
      announce(`Signed in to ${hostOf(values.serviceUrl)} as ${values.userId}. Your groups are being downloaded.`);
      return;
    }
    const error = result.error;
    if (asksToDiscard(error, discardPending)) {
      onNeedsDiscard({ message: error.message, action: 'Discard and sign in', retry: () => void signIn(values, true) });
      return;
    }
    for (const [path, message] of Object.entries(error.fields ?? {})) if (isFieldName(path)) form.setError(path, { message });
    if (error.code === 'AUTH') form.setFocus('password');
    setProblem({ title: problemTitle(error, values.serviceUrl), error });
  };

  if (secondStepFor !== null) {
    return (
      <SecondFactorForm
        userId={secondStepFor}
        onSignedIn={(session) => {
          setSecondStepFor(null);
          onSignedIn(session);
        }}
        onCancel={() => {
          setSecondStepFor(null);
          form.setFocus('password');
        }}
      />
    );
  }

  return (
    <FormProvider {...form}>
      <form className="settings-form" noValidate onSubmit={(e) => void form.handleSubmit((values) => signIn(values, false))(e)}>
        <TextField name="serviceUrl" label="Plan service address" type="url" autoComplete="url" inputMode="url" hint={serviceUrlHint} />
        <TextField name="userId" label="User ID" type="text" autoComplete="username" />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" />
        {problem && (
          <div className="form-error" role="alert">
            <p className="strong">{problem.title}</p>
            <p>{problem.error.message}</p>
          </div>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
