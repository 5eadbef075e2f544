import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { ContractError } from '@shared/contract';
import { roleLabels } from '@shared/contract/roles';
import { useApi } from '../../api/ApiProvider';
import { TextField, FormSubmit } from '../../components/form';

// The core's own schema: it forgives case, spaces, hyphens and O/I/L as the plan service does.
const schema = contract['access.redeemCode'].input;
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;

/** A problem with the code itself goes under the field; being locked out or offline is said above the button. */
function placeOf(error: ContractError): 'field' | 'form' {
  return error.fields?.code !== undefined || (error.code === 'VALIDATION' && error.fields === undefined) ? 'field' : 'form';
}

/** An e-mailed access code: entering it joins the group it was sent for, with the role it names. */
export function AccessCodeForm() {
  const api = useApi();
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(schema), defaultValues: { code: '' }, mode: 'onTouched' });
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);

  const redeem = async (values: Parsed) => {
    setJoined(null);
    const result = await api.call('access.redeemCode', values);
    if (result.ok) {
      const { name, groupNumber, role } = result.value;
      const words = `You joined ${name} (group ${groupNumber}) as ${roleLabels[role]}.`;
      setProblem(null);
      setJoined(words);
      form.reset({ code: '' });
      return;
    }
    const error = result.error;
    if (placeOf(error) === 'field') {
      form.setError('code', { message: error.fields?.code ?? error.message }, { shouldFocus: true });
      setProblem(null);
    } else setProblem(error.message);
  };

  return (
    <FormProvider {...form}>
      <form className="access-code-form" noValidate onSubmit={(e) => void form.handleSubmit(redeem)(e)}>
        <TextField name="code" label="Access code" hint="12 letters and digits from the invitation e-mail, like ABCD-EFGH-JKMN" size="medium" autoComplete="off" spellCheck={false} />
        <FormSubmit problem={problem} label="Join group" busyLabel="Joining…" />
        {/* Always there, so filling it is announced. */}
        <p role="status" className="access-joined">
          {joined}
        </p>
      </form>
    </FormProvider>
  );
}
