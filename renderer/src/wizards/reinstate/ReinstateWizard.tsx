import { useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { relationshipLabels } from '@shared/domain/relationships';
import { EmptyState } from '../../components/ErrorState';
import { formatDate } from '../../components/format';
import { BackIcon } from '../../components/icons';
import { ErrorSummary, ReviewItem, ReviewSection, todayIso, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { MemberWizardGate } from '../common/MemberWizardGate';
import { noDraft } from '../common/no-draft';
import { ReinstateDetails, ReturningFamily } from './ReinstateDetails';
import { emptyReinstate, refuseReinstatement, reinstateSteps, reinstateTransaction, resumesOn, returningDependents, type ReinstateValues } from './reinstate-form';

const title = 'Reinstate coverage';

const notEnded = (member: MemberDetail): string | null => (member.terminationDate === null ? 'This member’s coverage has not ended: there is nothing to reinstate.' : null);

/** `/members/$memberId/reinstate`: undo a termination, coverage resuming the day after it ended. */
export function ReinstateWizard({ memberId }: { memberId: string }) {
  return (
    <MemberWizardGate memberId={memberId} title={title} refuse={notEnded}>
      {(group, member) => <ReinstateForm key={`${group.groupNumber}:${member.memberId}`} group={group} member={member} />}
    </MemberWizardGate>
  );
}

function ReinstateForm({ group, member }: { group: Group; member: MemberDetail }) {
  const navigate = useNavigate();
  const [today] = useState(todayIso);
  const wizard = useWizardForm<ReinstateValues>({ steps: reinstateSteps, defaultValues: emptyReinstate });
  const sender = useWizardSubmit({ wizard, draft: noDraft, groupNumber: group.groupNumber });
  const toMember = () => void navigate({ to: '/members/$memberId', params: { memberId: member.memberId } });
  const name = `${member.firstName} ${member.lastName}`;

  // Checked before the form, with the rule the core enforces, so no one fills in a change the plan refuses.
  const refusal = refuseReinstatement(member, group.policy, today);
  if (refusal && !sender.result)
    return (
      <div className="page">
        <Link to="/members/$memberId" params={{ memberId: member.memberId }} className="back-link">
          <BackIcon />
          Back to the member
        </Link>
        <EmptyState title={`${title}: not possible for ${name}`}>
          <p>{refusal}</p>
        </EmptyState>
      </div>
    );

  if (sender.result) {
    const family = returningDependents(member).length;
    return (
      <WizardDone groupNumber={group.groupNumber} result={sender.result} title="Reinstatement submitted" anotherLabel={`Back to ${name}`} onAnother={toMember}>
        <p>
          {name}&apos;s coverage resumes {formatDate(resumesOn(member))}
          {family > 0 ? `, with ${family} ${family === 1 ? 'dependent' : 'dependents'}` : ''}.{' '}
          <Link to="/members/$memberId" params={{ memberId: member.memberId }}>
            Open {name}
          </Link>
        </p>
      </WizardDone>
    );
  }

  const send = () => void sender.submit(reinstateTransaction(member, wizard.form.getValues()));
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title={title}
        subtitle={
          <>
            {name} · <span className="mono">{member.memberId}</span> · {relationshipLabels[member.relationship]}
          </>
        }
        steps={wizard.steps}
        index={wizard.index}
        onBack={wizard.back}
        onNext={wizard.isLast ? send : () => void wizard.next()}
        busy={sender.busy}
        onCancel={toMember}
        summary={<ErrorSummary control={wizard.form.control} step={wizard.step} attempt={wizard.attempt} visible={wizard.summaryVisible} />}
        submitLabel="Submit reinstatement"
      >
        {wizard.step.id === 'details' && <ReinstateDetails member={member} policy={group.policy} today={today} />}
        {wizard.step.id === 'review' && <ReinstateReview member={member} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}

function ReinstateReview({ member, goTo }: { member: MemberDetail; goTo: (step: string) => void }) {
  const note = useWatch<ReinstateValues, 'note'>({ name: 'note' });
  return (
    <div className="wz-review">
      <ReviewSection title="Reinstatement" onChange={() => goTo('details')}>
        <ReviewItem label="Member">
          {member.firstName} {member.lastName} <span className="mono muted">{member.memberId}</span>
        </ReviewItem>
        <ReviewItem label="Coverage ended">{formatDate(member.terminationDate)}</ReviewItem>
        <ReviewItem label="Coverage resumes">
          <strong>{formatDate(resumesOn(member))}</strong>
        </ReviewItem>
        <ReviewItem label="Plan and tier">
          {member.planName} · {coverageTierLabels[member.tier]}
        </ReviewItem>
        <ReviewItem label="Note for the plan">{note.trim()}</ReviewItem>
      </ReviewSection>
      <ReturningFamily member={member} />
    </div>
  );
}
