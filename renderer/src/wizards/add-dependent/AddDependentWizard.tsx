import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { formatDate } from '../../components/format';
import { draftOpening, shellControls, todayIso, useWizardDraft, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { MemberWizardGate } from '../common/MemberWizardGate';
import { addDependentAliases, addDependentSecretPaths, addDependentSteps, addDependentTransaction, emptyAddDependent, timingOf, type AddDependentValues } from './add-dependent-form';
import { EventStep } from './EventStep';
import { PersonStep } from './PersonStep';
import { ReviewStep } from './ReviewStep';

/** Dependents join a subscriber (the family's one subscriber), and only one whose coverage is in force. */
function refuseAddDependent(member: MemberDetail): string | null {
  if (member.relationship !== 'subscriber')
    return `${member.memberId} is a dependent: add the new dependent to employee ${member.subscriber?.memberId ?? member.subscriberId}${member.subscriber ? ` (${member.subscriber.firstName} ${member.subscriber.lastName})` : ''}.`;
  if (member.status === 'terminated') return `Coverage ended ${formatDate(member.terminationDate)}: reinstate the employee before adding dependents.`;
  return null;
}

/** `/members/$memberId/add-dependent`: a spouse, partner or child joins a covered subscriber for a qualifying event. */
export function AddDependentWizard({ subscriberId, draftId, replaces }: { subscriberId: string; draftId?: number | undefined; replaces?: number | undefined }) {
  // "Add another dependent" starts a fresh form (a new mount), without the draft it came from.
  const [run, setRun] = useState(0);
  return (
    <MemberWizardGate memberId={subscriberId} title="Add a dependent" refuse={refuseAddDependent}>
      {(group, member) => (
        <AddDependentForm
          key={`${group.groupNumber}:${member.memberId}:${run}`}
          group={group}
          subscriber={member}
          draftId={run === 0 ? draftId : undefined}
          replaces={run === 0 ? replaces : undefined}
          onAnother={() => setRun((r) => r + 1)}
        />
      )}
    </MemberWizardGate>
  );
}

function AddDependentForm({ group, subscriber, draftId, replaces, onAnother }: { group: Group; subscriber: MemberDetail; draftId: number | undefined; replaces: number | undefined; onAnother: () => void }) {
  const navigate = useNavigate();
  const [today] = useState(todayIso);
  const steps = useMemo(() => addDependentSteps(group, subscriber, today), [group, subscriber, today]);
  const wizard = useWizardForm<AddDependentValues>({ steps, defaultValues: emptyAddDependent });
  const draft = useWizardDraft({
    wizard: 'add_dependent',
    groupNumber: group.groupNumber,
    memberId: subscriber.memberId,
    draftId,
    form: wizard.form,
    stepId: wizard.step.id,
    defaultValues: emptyAddDependent,
    secretPaths: addDependentSecretPaths,
    onRestore: wizard.goTo,
  });
  const sender = useWizardSubmit({ wizard, draft, groupNumber: group.groupNumber, replaces, aliases: addDependentAliases });
  const toSubscriber = () => void navigate({ to: '/members/$memberId', params: { memberId: subscriber.memberId } });
  const subscriberName = `${subscriber.firstName} ${subscriber.lastName}`;

  const opening = draftOpening(draft, 'Add a dependent');
  if (opening) return opening;

  if (sender.result) {
    const values = wizard.form.getValues();
    const timing = timingOf(values.event, today, group.policy, subscriber);
    return (
      <WizardDone groupNumber={group.groupNumber} result={sender.result} title="Dependent submitted" anotherLabel="Add another dependent" onAnother={onAnother}>
        <p>
          {values.dependent.firstName} {values.dependent.lastName} joins {subscriberName}&apos;s coverage
          {timing ? ` from ${formatDate(timing.effectiveDate)}` : ''}.{' '}
          <Link to="/members/$memberId" params={{ memberId: subscriber.memberId }}>
            Back to {subscriberName}
          </Link>
        </p>
      </WizardDone>
    );
  }

  const next = async () => {
    const moved = await wizard.next();
    // A newborn's date of birth is the event date: fill it in rather than make the user type it twice.
    const { event, dependent } = wizard.form.getValues();
    if (moved && wizard.step.id === 'event' && event.kind === 'birth' && dependent.dateOfBirth === '') wizard.form.setValue('dependent.dateOfBirth', event.date);
  };
  const send = () => void sender.submit(addDependentTransaction(subscriber.memberId, wizard.form.getValues()));
  const id = wizard.step.id;
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title="Add a dependent"
        subtitle={
          <>
            to {subscriberName} · <span className="mono">{subscriber.memberId}</span> · {subscriber.planName}
          </>
        }
        {...shellControls(wizard, draft, sender, { send, leave: toSubscriber, next: () => void next() })}
        submitLabel="Submit dependent"
      >
        {id === 'event' && <EventStep groupNumber={group.groupNumber} subscriber={subscriber} policy={group.policy} today={today} />}
        {id === 'person' && <PersonStep policy={group.policy} today={today} subscriber={subscriber} />}
        {id === 'review' && <ReviewStep group={group} subscriber={subscriber} today={today} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
