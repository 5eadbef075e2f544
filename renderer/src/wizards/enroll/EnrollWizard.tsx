import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from '@tanstack/react-router';
import type { Group } from '@shared/contract/schemas/group';
import { useQuery } from '../../api/use-query';
import { useGroupStore } from '../../state/group-store';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { formatDate } from '../../components/format';
import { draftOpening, shellControls, todayIso, useWizardDraft, useWizardForm, useWizardSubmit, WizardDone, WizardShell } from '../common';
import { emptyEnroll, enrollRequestFrom, enrollSecretPaths, enrollSteps, type EnrollValues } from './enroll-form';
import { ContactStep, EmploymentStep, PersonStep } from './details-steps';
import { CoverageStep } from './CoverageStep';
import { DependentsStep } from './DependentsStep';
import { ReviewStep } from './ReviewStep';

/** `/enroll`: a new subscriber and their family. `?draft=` resumes; `?replaces=` corrects a rejected enrollment. */
export function EnrollWizard({ draftId, replaces }: { draftId?: number | undefined; replaces?: number | undefined }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const group = useQuery('groups.get', { groupNumber });
  const navigate = useNavigate();
  // "Enroll another" starts a fresh form (a new mount), without the draft it came from.
  const [run, setRun] = useState(0);

  if (group.status === 'error' && !group.data)
    return (
      <div className="page">
        <ErrorState title="The group's plans could not be loaded" error={group.error} onRetry={group.reload} />
      </div>
    );
  if (!group.data)
    return (
      <div className="page">
        <h1 className="page-title">Enroll an employee</h1>
        <SkeletonBlock label="Loading the group's plans…" lines={6} />
      </div>
    );
  return (
    <EnrollForm
      key={`${groupNumber}:${run}`}
      group={group.data}
      draftId={run === 0 ? draftId : undefined}
      replaces={run === 0 ? replaces : undefined}
      onAnother={() => {
        setRun((r) => r + 1);
        void navigate({ to: '/enroll', search: {} });
      }}
      onClose={() => void navigate({ to: '/members' })}
    />
  );
}

function EnrollForm({ group, draftId, replaces, onAnother, onClose }: { group: Group; draftId: number | undefined; replaces: number | undefined; onAnother: () => void; onClose: () => void }) {
  const [today] = useState(todayIso);
  const steps = useMemo(() => enrollSteps(group, today), [group, today]);
  const wizard = useWizardForm<EnrollValues>({ steps, defaultValues: emptyEnroll });
  const draft = useWizardDraft({
    wizard: 'enroll',
    groupNumber: group.groupNumber,
    draftId,
    form: wizard.form,
    stepId: wizard.step.id,
    defaultValues: emptyEnroll,
    secretPaths: enrollSecretPaths,
    onRestore: wizard.goTo,
  });
  const sender = useWizardSubmit({ wizard, draft, groupNumber: group.groupNumber, replaces });

  const opening = draftOpening(draft, 'Enroll an employee', 6);
  if (opening) return opening;

  if (sender.result) {
    const request = enrollRequestFrom(wizard.form.getValues());
    const others = request.dependents?.length ?? 0;
    return (
      <WizardDone
        groupNumber={group.groupNumber}
        result={sender.result}
        title="Enrollment submitted"
        anotherLabel="Enroll another"
        onAnother={onAnother}
        newEmployee={{ name: `${request.subscriber.firstName} ${request.subscriber.lastName}` }}
      >
        <p>
          {request.subscriber.firstName} {request.subscriber.lastName}
          {others > 0 ? ` and ${others} ${others === 1 ? 'dependent' : 'dependents'}` : ''}, covered from {formatDate(request.effectiveDate)}.
        </p>
      </WizardDone>
    );
  }

  const send = () => void sender.submit({ kind: 'enroll', request: enrollRequestFrom(wizard.form.getValues()) });
  const id = wizard.step.id;
  return (
    <FormProvider {...wizard.form}>
      <WizardShell
        title="Enroll an employee"
        subtitle={`${group.name} · group ${group.groupNumber}`}
        {...shellControls(wizard, draft, sender, { send, leave: onClose })}
        submitLabel="Submit enrollment"
      >
        {id === 'person' && <PersonStep today={today} />}
        {id === 'contact' && <ContactStep />}
        {id === 'employment' && <EmploymentStep waitingPeriodDays={group.policy.waitingPeriodDays} />}
        {id === 'coverage' && <CoverageStep group={group} today={today} />}
        {id === 'dependents' && <DependentsStep policy={group.policy} today={today} />}
        {id === 'review' && <ReviewStep group={group} goTo={wizard.goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
