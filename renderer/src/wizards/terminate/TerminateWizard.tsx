import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import { effectiveTerminationDate } from '@shared/domain/termination';
import { formatDate } from '../../components/format';
import { draftOpening, shellControls, todayIso, useWizardDraft, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { MemberWizardGate } from '../common/MemberWizardGate';
import { TerminateDetailsStep } from './TerminateDetailsStep';
import { TerminateReview, endingDependents } from './TerminateReview';
import { emptyTerminate, terminateAliases, terminateSteps, terminateTransaction, type TerminateValues } from './terminate-form';

const noSecrets = () => [];

/** A member whose coverage already ends has nothing to terminate; a reinstatement comes first. */
function refuseTermination(member: MemberDetail): string | null {
  if (member.status === 'terminated') return `Coverage ended ${formatDate(member.terminationDate)}. A terminated member is read-only.`;
  if (member.terminationDate !== null) return `A termination is already on file: coverage ends ${formatDate(member.terminationDate)}.`;
  return null;
}

/** `/members/$memberId/terminate`: end a subscriber's coverage (with the family's) or one dependent's. */
export function TerminateWizard({ memberId, draftId, replaces }: { memberId: string; draftId?: number | undefined; replaces?: number | undefined }) {
  return (
    <MemberWizardGate memberId={memberId} title="Terminate coverage" refuse={refuseTermination}>
      {(group, member) => <TerminateForm key={`${group.groupNumber}:${member.memberId}`} group={group} member={member} draftId={draftId} replaces={replaces} />}
    </MemberWizardGate>
  );
}

function TerminateForm({ group, member, draftId, replaces }: { group: Group; member: MemberDetail; draftId: number | undefined; replaces: number | undefined }) {
  const navigate = useNavigate();
  const [today] = useState(todayIso);
  const steps = useMemo(() => terminateSteps(group.policy, today), [group.policy, today]);
  const wizard = useWizardForm<TerminateValues>({ steps, defaultValues: emptyTerminate });
  const draft = useWizardDraft({
    wizard: 'terminate',
    groupNumber: group.groupNumber,
    memberId: member.memberId,
    draftId,
    form: wizard.form,
    stepId: wizard.step.id,
    defaultValues: emptyTerminate,
    secretPaths: noSecrets,
    onRestore: wizard.goTo,
  });
  const sender = useWizardSubmit({ wizard, draft, groupNumber: group.groupNumber, replaces, aliases: terminateAliases });
  const toMember = () => void navigate({ to: '/members/$memberId', params: { memberId: member.memberId } });
  const name = `${member.firstName} ${member.lastName}`;

  const opening = draftOpening(draft, 'Terminate coverage');
  if (opening) return opening;

  if (sender.result) {
    const values = wizard.form.getValues();
    const ends = effectiveTerminationDate(values.requestedDate, group.policy);
    const family = member.relationship === 'subscriber' ? endingDependents(member, ends).length : 0;
    return (
      <WizardDone groupNumber={group.groupNumber} result={sender.result} title="Termination submitted" anotherLabel={`Back to ${name}`} onAnother={toMember}>
        <p>
          {name}&apos;s coverage ends {formatDate(ends)}
          {family > 0 ? `, with ${family} ${family === 1 ? 'dependent' : 'dependents'}` : ''}.
        </p>
      </WizardDone>
    );
  }

  const send = () => void sender.submit(terminateTransaction(member, wizard.form.getValues()));
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title="Terminate coverage"
        subtitle={
          <>
            {name} · <span className="mono">{member.memberId}</span> · {relationshipLabels[member.relationship]}
          </>
        }
        {...shellControls(wizard, draft, sender, { send, leave: toMember })}
        submitLabel="Submit termination"
      >
        {wizard.step.id === 'details' && <TerminateDetailsStep member={member} policy={group.policy} groupNumber={group.groupNumber} today={today} />}
        {wizard.step.id === 'review' && <TerminateReview member={member} group={group} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
