import { useState } from 'react';
import { formatDate } from '../../components/format';
import { Link } from '@tanstack/react-router';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { accessRequestInput, type AccessRequest, type AccessRequestInput } from '@shared/plan-api/access-requests';
import { useApi } from '../../api/ApiProvider';
import { BackIcon } from '../../components/icons';
import { CheckboxField, TextField, FormSubmit } from '../../components/form';
import { placeServerError } from '../../components/form-errors';
import { OutcomeCard } from './OutcomeCard';
import '../../wizards/common/wizard.css';
import './access.css';

/** The checkbox starts unticked; the plan's schema (the resolver) insists on a tick. */
type Values = Omit<AccessRequestInput, 'attestation'> & { attestation: boolean };
const fieldNames = ['companyName', 'groupNumber', 'officerName', 'officerTitle', 'contactPhone', 'contactEmail', 'attestation'] as const;
// The same schema the core and the plan service check, so a message here is theirs.
const resolver = zodResolver(accessRequestInput) as unknown as Resolver<Values, unknown, AccessRequestInput>;
const empty: Values = { companyName: '', groupNumber: '', officerName: '', officerTitle: '', contactPhone: '', contactEmail: '', attestation: false };

/**
 * The plan's form for becoming an employer group's primary administrator: who the employer is, the
 * officer who authorizes it, how to reach the requester, and an attestation. The answer is a
 * confirmation number and the day the plan expects to have decided (the fifth business day).
 */
export function RequestAccessPage() {
  const [received, setReceived] = useState<AccessRequest | null>(null);
  return (
    <div className="page page-access-request">
      <Link to="/access" className="back-link no-print">
        <BackIcon />
        Back to Access
      </Link>
      <div className="page-header">
        <h1 className="page-title">Request primary administrator access</h1>
      </div>
      {received ? <RequestReceived request={received} /> : <RequestForm onReceived={setReceived} />}
    </div>
  );
}

function RequestForm({ onReceived }: { onReceived: (request: AccessRequest) => void }) {
  const api = useApi();
  const form = useForm<Values, unknown, AccessRequestInput>({ resolver, defaultValues: empty, mode: 'onTouched' });
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: AccessRequestInput) => {
    const result = await api.call('access.request', values);
    if (result.ok) {
      onReceived(result.value);
      return;
    }
    setProblem(placeServerError(form, result.error, fieldNames));
  };

  return (
    <FormProvider {...form}>
      <form className="card access-form" data-tour="access-request-form" noValidate onSubmit={(e) => void form.handleSubmit(submit)(e)}>
        <p className="settings-intro">
          The primary administrator manages the group’s members and invoices and invites its other users. The plan checks this request with the employer
          and decides within 3–5 business days; you get an e-mail when it is done.
        </p>
        <div className="wz-fields">
          <TextField name="companyName" label="Company name" autoComplete="organization" />
          <TextField name="groupNumber" label="Group number" hint="On the group’s invoices and its members’ ID cards" size="medium" inputMode="numeric" autoComplete="off" />
          <TextField name="officerName" label="Officer's name" hint="The company officer who authorizes you to act for the employer" autoComplete="off" />
          <TextField name="officerTitle" label="Officer's title" autoComplete="off" />
          <TextField name="contactPhone" label="Contact phone" type="tel" size="medium" autoComplete="tel" />
          <TextField name="contactEmail" label="Contact e-mail" type="email" autoComplete="email" />
          <CheckboxField name="attestation" label="I attest that I am authorized to act for this employer" />
        </div>
        <FormSubmit problem={problem} label="Submit request" busyLabel="Submitting…" />
      </form>
    </FormProvider>
  );
}

/** What the user keeps: the confirmation number to quote and the day to expect an answer, printable. */
function RequestReceived({ request }: { request: AccessRequest }) {
  return (
    <OutcomeCard id="request-received-title" title="Request received">
      <p>
        The plan is checking your request to be primary administrator of {request.companyName} (group {request.groupNumber}). Access shows its status, and you
        get an e-mail when it is decided.
      </p>
      <dl className="fields" data-tour="access-request-received">
        <div className="field">
          <dt>Confirmation number</dt>
          <dd className="mono confirmation">{request.confirmationNumber}</dd>
        </div>
      </dl>
      <p className="strong">Expected by {formatDate(request.expectedCompletion)}</p>
      <div className="settings-actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <Link to="/access" className="button button-primary">
          Back to Access
        </Link>
      </div>
    </OutcomeCard>
  );
}
