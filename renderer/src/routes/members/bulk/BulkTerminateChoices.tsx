import { useMemo } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { RosterRow } from '@shared/contract/schemas/member';
import type { TerminationReasonId } from '@shared/domain/termination-reasons';
import { terminationReasons, terminationReasonsFor } from '@shared/domain/termination-reasons';
import { useQuery } from '../../../api/use-query';
import { SkeletonBlock } from '../../../components/Skeleton';
import { ErrorState } from '../../../components/ErrorState';
import { DateField, SelectField } from '../../../components/form';
import { FormErrorSummary } from '../../../wizards/common';
import { todayIso } from '../../../wizards/common/form-rules';
import { coverageEndsText, terminationDateField, terminationReasonField, terminationRuleText } from '../../../wizards/terminate/termination-rules';
import { CobraNotice } from '../../../wizards/terminate/CobraNotice';

export interface TerminateChoices {
  reason: TerminationReasonId;
  requestedDate: string;
}

interface Props {
  groupNumber: string;
  members: readonly RosterRow[];
  initial: TerminateChoices | null;
  busy: boolean;
  onCancel: () => void;
  onCheck: (choices: TerminateChoices) => void;
}

const whoLabel = { subscriber: ' (employees only)', dependent: ' (dependents only)', any: '' } as const;

/** The reasons that fit who is selected; a mixed selection sees them all, marked, and the dry run names any mismatch. */
function reasonOptions(members: readonly RosterRow[]) {
  const subscribers = members.filter((m) => m.relationship === 'subscriber').length;
  if (subscribers === members.length) return terminationReasonsFor('subscriber').map((r) => ({ value: r.id, label: r.label }));
  if (subscribers === 0) return terminationReasonsFor('dependent').map((r) => ({ value: r.id, label: r.label }));
  return terminationReasons.map((r) => ({ value: r.id, label: r.label + whoLabel[r.appliesTo] }));
}

/** One reason and one event date for every selected member; the plan's rule turns the date into each one's last covered day. */
export function BulkTerminateChoices({ groupNumber, members, initial, busy, onCancel, onCheck }: Props) {
  const group = useQuery('groups.get', { groupNumber });
  if (group.status === 'error' && !group.data) return <ErrorState title="The group's rules could not be loaded" error={group.error} onRetry={group.reload} />;
  if (!group.data) return <SkeletonBlock label="Loading the group's rules…" lines={3} />;
  return <TerminateForm groupNumber={groupNumber} members={members} initial={initial} busy={busy} onCancel={onCancel} onCheck={onCheck} policy={group.data.policy} />;
}

function TerminateForm({ groupNumber, members, initial, busy, onCancel, onCheck, policy }: Props & { policy: Parameters<typeof terminationRuleText>[0] }) {
  const today = todayIso();
  const schema = useMemo(() => z.object({ reason: terminationReasonField, requestedDate: terminationDateField(policy, today) }), [policy, today]);
  const form = useForm<z.input<typeof schema>, unknown, TerminateChoices>({
    mode: 'onTouched',
    shouldFocusError: false,
    defaultValues: initial ?? { reason: '', requestedDate: '' },
    resolver: zodResolver(schema),
  });
  const [reason, requestedDate] = useWatch({ control: form.control, name: ['reason', 'requestedDate'] });
  const ends = coverageEndsText(requestedDate, policy, today);
  const dependents = members.filter((m) => m.relationship !== 'subscriber').length;
  const subscribers = members.length - dependents;
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={form.handleSubmit((values) => onCheck(values))} className="bulk-step" aria-label="Termination">
        {subscribers > 0 && (
          <p className="muted">
            An employee&apos;s dependents end with the employee: {subscribers === 1 ? 'the employee' : 'each employee'} selected takes the family along.
          </p>
        )}
        <FormErrorSummary />
        <SelectField name="reason" label="Reason" options={reasonOptions(members)} placeholder="Choose a reason…" />
        <DateField name="requestedDate" label="Date of the event" hint={terminationRuleText(policy, today)} />
        {ends && (
          <p className="bulk-ends" aria-live="polite">
            {ends} for every member selected (unless their coverage began later or already ends sooner).
          </p>
        )}
        <CobraNotice groupNumber={groupNumber} reason={reason} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Checking…' : 'Check what will happen'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
