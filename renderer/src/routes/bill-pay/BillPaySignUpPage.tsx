import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { BillPaySignUpResponse, TermsOfService as Terms } from '@shared/plan-api/bill-pay';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { BackIcon } from '../../components/icons';
import { formatInstant } from '../../components/format';
import { CheckboxField, TextField, FormSubmit } from '../../components/form';
import { OutcomeCard } from '../access/OutcomeCard';
import { placeServerError } from '../../components/form-errors';
import { TermsOfService } from './TermsOfService';
import { emptySignUp, signUpAliases, signUpFieldNames, signUpFormSchema, signUpRequest, type SignUpChecked, type SignUpValues } from './sign-up-form';
import '../../wizards/common/wizard.css';
import '../access/access.css';
import './bill-pay.css';

/**
 * Bill Pay sign-up as plans offer it: the group number with the invoice number and the amount billed
 * on the group's latest invoice prove the user holds it; accepting the current terms (their version and the time are recorded by
 * the plan) gives the user the billing role in that group, on the account they are signed in with.
 */
export function BillPaySignUpPage() {
  const terms = useQuery('billPay.terms', {});
  const [done, setDone] = useState<BillPaySignUpResponse | null>(null);
  return (
    <div className="page page-bill-pay">
      <Link to="/access" className="back-link">
        <BackIcon />
        Back to Access
      </Link>
      <div className="page-header">
        <h1 className="page-title">Sign up for Bill Pay</h1>
      </div>
      {done ? (
        <SignedUp answer={done} />
      ) : terms.status === 'error' && !terms.data ? (
        <ErrorState title="The Bill Pay terms of service could not be loaded" error={terms.error} onRetry={terms.reload} />
      ) : !terms.data ? (
        <SkeletonBlock label="Loading the terms of service…" lines={8} />
      ) : (
        <SignUpForm terms={terms.data} onStaleTerms={terms.reload} onDone={setDone} />
      )}
    </div>
  );
}

function SignUpForm({ terms, onStaleTerms, onDone }: { terms: Terms; onStaleTerms: () => void; onDone: (answer: BillPaySignUpResponse) => void }) {
  const api = useApi();
  const form = useForm<SignUpValues, unknown, SignUpChecked>({ resolver: zodResolver(signUpFormSchema), defaultValues: emptySignUp, mode: 'onTouched' });
  const [problem, setProblem] = useState<string | null>(null);

  // New terms replaced the ones the user ticked: the tick was for the old text, so it is taken back.
  const ticked = useRef(terms.version);
  useEffect(() => {
    if (ticked.current === terms.version) return;
    ticked.current = terms.version;
    form.setValue('acceptTerms', false);
  }, [terms.version, form]);

  const signUp = async (values: SignUpChecked) => {
    const result = await api.call('billPay.signUp', signUpRequest(values, terms.version));
    if (result.ok) {
      onDone(result.value);
      return;
    }
    // Perhaps the plan has newer terms than the ones on screen: read them again (see below).
    if (result.error.code === 'CONFLICT') onStaleTerms();
    setProblem(placeServerError(form, result.error, signUpFieldNames, signUpAliases));
  };

  return (
    <FormProvider {...form}>
      <form className="card access-form bill-pay-form" noValidate onSubmit={(e) => void form.handleSubmit(signUp)(e)}>
        <p className="settings-intro">
          Use the latest invoice your group received from the plan. You get the Billing role in that group: you can see its invoices. The group’s primary administrators are told that you signed up.
        </p>
        <div className="wz-fields">
          <TextField name="groupNumber" label="Group number" hint="Printed on the invoice, beside the company’s name" size="medium" inputMode="numeric" autoComplete="off" />
          <TextField name="invoiceNumber" label="Invoice number" hint="Printed at the top of the invoice, like INV-1001-202611-7KQ4M2" size="medium" autoComplete="off" spellCheck={false} />
          <TextField name="amount" label="Amount billed" hint="The invoice’s total, like $41,822.50" size="medium" inputMode="decimal" autoComplete="off" />
          <TermsOfService terms={terms} />
          <CheckboxField name="acceptTerms" label="I accept the terms of service" />
        </div>
        <FormSubmit problem={problem} label="Sign up for Bill Pay" busyLabel="Signing up…" />
      </form>
    </FormProvider>
  );
}

function SignedUp({ answer }: { answer: BillPaySignUpResponse }) {
  return (
    <OutcomeCard id="bill-pay-done-title" title={`You can now see the invoices of ${answer.name} (group ${answer.groupNumber}).`}>
      <p>
        You accepted the Bill Pay terms of service, version {answer.termsVersion}, at {formatInstant(answer.acceptedAt)}. The plan e-mailed you a confirmation.
        The group appears in the group switcher once GroupDesk has downloaded it.
      </p>
      <Link to="/" className="button button-primary">
        Go to the dashboard
      </Link>
    </OutcomeCard>
  );
}
