import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { z } from 'zod';
import type { AutopayRule, AutopayState, BankAccount, PaymentAuthorization } from '@shared/plan-api/payments';
import { useApi } from '../../../api/ApiProvider';
import { CheckboxField, RadioGroupField, SelectField, TextField } from '../../../components/form';
import { placeServerError } from '../../../components/form-errors';
import { filled } from '../../../wizards/common';
import { accountName, fillAuthorization, refusalWords, ruleWords } from './payment-words';

const schema = z
  .object({
    bankAccountId: filled(z.string(), 'Choose the account to debit'),
    timing: z.string().pipe(z.enum(['due_date', 'days_before'], { error: 'Choose when to debit' })),
    daysBefore: z.string(),
    accept: z.boolean().refine((v) => v, 'Tick “I authorize autopay” to enroll'),
    password: filled(z.string(), 'Enter your password'),
  })
  .superRefine((v, ctx) => {
    if (v.timing !== 'days_before') return;
    const n = Number(v.daysBefore);
    if (!/^\d{1,2}$/.test(v.daysBefore.trim()) || n < 1 || n > 10) ctx.addIssue({ code: 'custom', path: ['daysBefore'], message: 'Enter a number of business days from 1 to 10' });
  });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fieldNames = ['bankAccountId', 'timing', 'daysBefore', 'accept', 'password'] as const;

const ruleOf = (timing: string, daysBefore: string): AutopayRule => (timing === 'days_before' ? { timing: 'days_before', daysBefore: Number(daysBefore) } : { timing: 'due_date', daysBefore: null });

interface Props {
  groupNumber: string;
  accounts: readonly BankAccount[];
  authorization: PaymentAuthorization;
  current: NonNullable<AutopayState['enrollment']> | null;
  onSaved: (state: AutopayState) => void;
  onCancel?: () => void;
}

/** Enroll in autopay, or change its account or rule: the authorization is accepted again and the password asked again. */
export function AutopayForm({ groupNumber, accounts, authorization, current, onSaved, onCancel }: Props) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const verified = accounts.filter((a) => a.status === 'verified');
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      bankAccountId: current && verified.some((a) => a.id === current.bankAccount.id) ? current.bankAccount.id : '',
      timing: current?.rule.timing ?? 'due_date',
      daysBefore: current?.rule.daysBefore === null || current === null ? '' : String(current.rule.daysBefore),
      accept: false,
      password: '',
    },
  });
  const [bankAccountId, timing, daysBefore] = useWatch({ control: form.control, name: ['bankAccountId', 'timing', 'daysBefore'] });
  const account = verified.find((a) => a.id === bankAccountId);
  const validDays = timing !== 'days_before' || /^([1-9]|10)$/.test(daysBefore.trim());
  const text = fillAuthorization(authorization.text, {
    account: account ? accountName(account) : 'the account you choose',
    rule: validDays ? ruleWords(ruleOf(timing, daysBefore.trim())) : 'on the day you choose',
  });

  const save = async (values: Parsed) => {
    const result = await api.call('payments.enrollAutopay', {
      groupNumber,
      bankAccountId: values.bankAccountId,
      rule: ruleOf(values.timing, values.daysBefore.trim()),
      authorizationVersion: authorization.version,
      acceptAuthorization: true,
      password: values.password,
    });
    if (!result.ok) {
      if (result.error.code === 'AUTH' && !result.error.fields) {
        form.setError('password', { message: result.error.message });
        form.setFocus('password');
        return;
      }
      setProblem(result.error.code === 'OFFLINE' ? refusalWords(result.error, 'autopay was not changed') : placeServerError(form, result.error, fieldNames, { 'rule.daysBefore': 'daysBefore', 'rule.timing': 'timing', acceptAuthorization: 'accept' }));
      return;
    }
    form.reset();
    setProblem(null);
    onSaved(result.value);
  };

  const busy = form.formState.isSubmitting;
  return (
    <FormProvider {...form}>
      <form className="pay-autopay-form" data-tour="autopay-form" noValidate onSubmit={(e) => void form.handleSubmit(save)(e)} aria-label={current ? 'Change autopay' : 'Enroll in autopay'}>
        {verified.length === 0 ? (
          <p className="form-error">No account is verified yet: add and verify one under Bank accounts first.</p>
        ) : (
          <SelectField name="bankAccountId" label="Debit from" options={verified.map((a) => ({ value: a.id, label: accountName(a) }))} placeholder="Choose an account…" />
        )}
        <RadioGroupField
          name="timing"
          label="When"
          options={[
            { value: 'due_date', label: 'On the due date', detail: 'Each invoice’s total due is debited on its due date.' },
            { value: 'days_before', label: 'Some business days before the due date' },
          ]}
        />
        {timing === 'days_before' && <TextField name="daysBefore" label="Business days before the due date" size="short" inputMode="numeric" hint="From 1 to 10." />}
        <section className="pay-authorization" aria-labelledby="autopay-authorization-title">
          <h3 id="autopay-authorization-title">Autopay authorization</h3>
          <p className="pay-authorization-text">{text}</p>
          <p className="muted pay-version">Version {authorization.version}</p>
          <CheckboxField name="accept" label="I authorize autopay" hint="Your name, the time and this text are recorded; the group’s primary administrators are told of every autopay change." />
        </section>
        <TextField name="password" label="Your password" type="password" size="medium" autoComplete="current-password" hint="Asked again: autopay moves money every month." />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="pay-row-actions">
          <button type="submit" className="button button-primary" disabled={busy || verified.length === 0}>
            {busy ? 'Saving…' : current ? 'Save autopay' : 'Enroll in autopay'}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              Keep as it is
            </button>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
