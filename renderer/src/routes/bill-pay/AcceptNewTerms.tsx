import { useState } from 'react';
import { z } from 'zod';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { termsAcceptanceRequest, type TermsAcceptanceStatus, type TermsOfService as Terms } from '@shared/plan-api/bill-pay';
import { useApi } from '../../api/ApiProvider';
import { CheckboxField, FormSubmit } from '../../components/form';
import { TermsOfService } from './TermsOfService';
import '../../wizards/common/wizard.css';
import './bill-pay.css';

const acceptForm = z.object({ acceptTerms: z.boolean().pipe(termsAcceptanceRequest.shape.acceptTerms) });
type AcceptValues = z.input<typeof acceptForm>;

/**
 * The plan asks a billing user to accept Bill Pay terms newer than those they accepted (or any, when
 * the role came by invitation): the current text, whole, and one tick to accept that version.
 */
export function AcceptNewTerms({
  groupNumber,
  terms,
  status,
  onAccepted,
  onStaleTerms,
}: {
  groupNumber: string;
  terms: Terms;
  status: TermsAcceptanceStatus;
  onAccepted: () => void;
  onStaleTerms: () => void;
}) {
  const api = useApi();
  const form = useForm<AcceptValues>({ resolver: zodResolver(acceptForm), defaultValues: { acceptTerms: false } });
  const [problem, setProblem] = useState<string | null>(null);
  const accept = async () => {
    const result = await api.call('billPay.acceptTerms', { groupNumber, termsVersion: terms.version, acceptTerms: true });
    if (result.ok) {
      onAccepted();
      return;
    }
    setProblem(result.error.message);
    // Newer terms than these came out meanwhile: read them again (the caller shows them with a fresh tick).
    if (result.error.code === 'CONFLICT') onStaleTerms();
  };
  return (
    <FormProvider {...form}>
      <form className="card bill-pay-form" noValidate onSubmit={(e) => void form.handleSubmit(accept)(e)}>
        <h2 className="card-title">The Bill Pay terms of service changed</h2>
        <p className="settings-intro">
          {status.acceptedVersion ? `You accepted version ${status.acceptedVersion}. ` : 'You have not accepted the Bill Pay terms for this group yet. '}
          Read version {terms.version} and accept it to go on using Bill Pay.
        </p>
        <TermsOfService terms={terms} />
        <div className="wz-fields">
          <CheckboxField name="acceptTerms" label="I accept the terms of service" />
        </div>
        <FormSubmit problem={problem} label="Accept the terms" busyLabel="Accepting…" />
      </form>
    </FormProvider>
  );
}
