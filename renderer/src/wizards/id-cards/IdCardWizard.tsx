import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useNavigate } from '@tanstack/react-router';
import { useGroupStore } from '../../state/group-store';
import { formatCount } from '../../components/format';
import { draftOpening, shellControls, useWizardDraft, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { RadioGroupField, SelectField } from '../../components/form';
import { idCardReasonOptions, shipToOptions, type IdCardChoices } from './id-card-choices';
import { idCardReasonLabels, shipToLabels } from '@shared/domain/id-card-reasons';
import { emptyIdCards, idCardSteps, idCardTransaction, type IdCardValues } from './id-cards-form';
import { MembersStep } from './MembersStep';
import { IdCardReview } from './IdCardReview';
import { PrintRequestForm } from './PrintRequestForm';
import { useMemberSummaries } from './use-member-summaries';
import './id-cards.css';

const noSecrets = () => [];

/** `/id-cards?members=a,b`: new ID cards for one member or many, with a printable request form. */
export function IdCardWizard({ memberIds, draftId, replaces }: { memberIds: string[]; draftId?: number | undefined; replaces?: number | undefined }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const navigate = useNavigate();
  // "Request more cards" starts a fresh, empty request (a new mount), without the draft it came from.
  const [run, setRun] = useState(0);
  return (
    <IdCardForm
      key={`${groupNumber}:${run}`}
      groupNumber={groupNumber}
      initialIds={run === 0 ? memberIds : []}
      draftId={run === 0 ? draftId : undefined}
      replaces={run === 0 ? replaces : undefined}
      onAnother={() => {
        setRun((r) => r + 1);
        void navigate({ to: '/id-cards', search: {} });
      }}
      onClose={() => void navigate({ to: '/members' })}
    />
  );
}

interface FormProps {
  groupNumber: string;
  initialIds: string[];
  draftId: number | undefined;
  replaces: number | undefined;
  onAnother: () => void;
  onClose: () => void;
}

function IdCardForm({ groupNumber, initialIds, draftId, replaces, onAnother, onClose }: FormProps) {
  const [defaults] = useState(() => emptyIdCards(initialIds));
  const { known, ensure, remember } = useMemberSummaries(groupNumber);
  // The members step's check needs to know who is terminated or unknown, so it follows what has been read.
  const steps = useMemo(() => idCardSteps(known), [known]);
  const wizard = useWizardForm<IdCardValues>({ steps, defaultValues: defaults });
  const draft = useWizardDraft({
    wizard: 'id_cards',
    groupNumber,
    memberId: defaults.memberIds.length === 1 ? (defaults.memberIds[0] ?? null) : null,
    draftId,
    form: wizard.form,
    stepId: wizard.step.id,
    defaultValues: defaults,
    secretPaths: noSecrets,
    onRestore: wizard.goTo,
  });
  const sender = useWizardSubmit({ wizard, draft, groupNumber, replaces });
  const memberIds = useWatch({ control: wizard.form.control, name: 'memberIds' });
  useEffect(() => ensure(memberIds), [ensure, memberIds]);

  const opening = draftOpening(draft, 'Request ID cards');
  if (opening) return opening;

  if (sender.result) {
    const values = wizard.form.getValues();
    const n = values.memberIds.length;
    return (
      <WizardDone groupNumber={groupNumber} result={sender.result} title="ID-card request submitted" anotherLabel="Request more cards" onAnother={onAnother}>
        <p>
          {formatCount(n)} {n === 1 ? 'card' : 'cards'} ({idCardReasonLabels[values.reason as IdCardChoices['reason']].toLowerCase()}), shipped{' '}
          {shipToLabels[values.shipTo as IdCardChoices['shipTo']].toLowerCase()}.
        </p>
        <PrintRequestForm groupNumber={groupNumber} transactionId={sender.result.id} />
      </WizardDone>
    );
  }

  const send = () => void sender.submit(idCardTransaction(wizard.form.getValues()));
  const id = wizard.step.id;
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title="Request ID cards"
        subtitle={memberIds.length === 0 ? 'Choose who needs a new card' : `${formatCount(memberIds.length)} ${memberIds.length === 1 ? 'member' : 'members'}`}
        {...shellControls(wizard, draft, sender, { send, leave: onClose })}
        submitLabel="Submit request"
      >
        {id === 'members' && <MembersStep groupNumber={groupNumber} known={known} remember={remember} />}
        {id === 'details' && (
          <>
            <SelectField name="reason" label="Reason" options={idCardReasonOptions} placeholder="Choose a reason…" />
            <RadioGroupField name="shipTo" label="Ship the cards" options={shipToOptions} />
          </>
        )}
        {id === 'review' && <IdCardReview known={known} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
