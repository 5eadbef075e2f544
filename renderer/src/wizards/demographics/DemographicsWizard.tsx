import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import { formatDate } from '../../components/format';
import { draftOpening, shellControls, todayIso, useWizardDraft, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { MemberWizardGate } from '../common/MemberWizardGate';
import { ContactStep, IdentityStep, WhenStep } from './demographics-steps';
import { DemographicsReview } from './DemographicsReview';
import { changedFields, demographicsAliases, demographicsSecretPaths, demographicsSteps, demographicsTransaction, valuesFromMember, type DemographicsValues } from './demographics-form';

/** The plan keeps terminated members read-only (docs/architecture.md#domain-rules). */
function refuseUpdate(member: MemberDetail): string | null {
  return member.status === 'terminated' ? `Coverage ended ${formatDate(member.terminationDate)}: a terminated member is read-only. Reinstate the member first.` : null;
}

/** `/members/$memberId/demographics`: name, address, phone, e-mail, and corrections of identifying data. */
export function DemographicsWizard({ memberId, draftId, replaces }: { memberId: string; draftId?: number | undefined; replaces?: number | undefined }) {
  return (
    <MemberWizardGate memberId={memberId} title="Update demographics" refuse={refuseUpdate}>
      {(group, member) => <DemographicsForm key={`${group.groupNumber}:${member.memberId}`} group={group} member={member} draftId={draftId} replaces={replaces} />}
    </MemberWizardGate>
  );
}

function DemographicsForm({ group, member: current, draftId, replaces }: { group: Group; member: MemberDetail; draftId: number | undefined; replaces: number | undefined }) {
  const navigate = useNavigate();
  const [today] = useState(todayIso);
  // The record as it was when the wizard opened is what "changed" is measured against: a sync landing
  // meanwhile must not turn the fields the user left alone into changes back to the old values.
  const [member] = useState(current);
  const [defaults] = useState(() => valuesFromMember(member, today));
  const steps = useMemo(() => demographicsSteps(member, group.policy, today), [member, group.policy, today]);
  const wizard = useWizardForm<DemographicsValues>({ steps, defaultValues: defaults });
  const draft = useWizardDraft({
    wizard: 'update_demographics',
    groupNumber: group.groupNumber,
    memberId: member.memberId,
    draftId,
    form: wizard.form,
    stepId: wizard.step.id,
    defaultValues: defaults,
    secretPaths: demographicsSecretPaths,
    onRestore: wizard.goTo,
  });
  const sender = useWizardSubmit({ wizard, draft, groupNumber: group.groupNumber, replaces, aliases: demographicsAliases });
  const toMember = () => void navigate({ to: '/members/$memberId', params: { memberId: member.memberId } });
  const name = `${member.firstName} ${member.lastName}`;

  const opening = draftOpening(draft, 'Update demographics', 6);
  if (opening) return opening;

  if (sender.result) {
    const values = wizard.form.getValues();
    const count = Object.keys(changedFields(member, values)).length;
    return (
      <WizardDone groupNumber={group.groupNumber} result={sender.result} title="Changes submitted" anotherLabel={`Back to ${name}`} onAnother={toMember}>
        <p>
          {count} {count === 1 ? 'field' : 'fields'} of {name}&apos;s record, {values.why === 'correction' ? 'corrected' : 'changed'} from {formatDate(values.effectiveDate)}.
        </p>
      </WizardDone>
    );
  }

  const send = () => void sender.submit(demographicsTransaction(member, wizard.form.getValues()));
  const id = wizard.step.id;
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title="Update demographics"
        subtitle={
          <>
            {name} · <span className="mono">{member.memberId}</span> · {relationshipLabels[member.relationship]}
          </>
        }
        {...shellControls(wizard, draft, sender, { send, leave: toMember })}
        submitLabel="Submit changes"
      >
        {id === 'identity' && <IdentityStep member={member} today={today} />}
        {id === 'contact' && <ContactStep member={member} />}
        {id === 'when' && <WhenStep member={member} policy={group.policy} today={today} />}
        {id === 'review' && <DemographicsReview member={member} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
