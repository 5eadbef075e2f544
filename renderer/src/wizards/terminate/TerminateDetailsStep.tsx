import { useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { terminationReasonsFor } from '@shared/domain/termination-reasons';
import { DateField, SelectField } from '../../components/form';
import { CobraNotice } from './CobraNotice';
import { coverageEndsText, terminationRuleText } from './termination-rules';
import type { TerminateValues } from './terminate-form';

/** Why and when: the reasons that apply to this member, and the date with the plan's rule spelled out. */
export function TerminateDetailsStep({ member, policy, groupNumber, today }: { member: MemberDetail; policy: GroupPolicy; groupNumber: string; today: string }) {
  const [reason, requestedDate] = useWatch<TerminateValues, ['reason', 'requestedDate']>({ name: ['reason', 'requestedDate'] });
  const who = member.relationship === 'subscriber' ? 'subscriber' : 'dependent';
  const options = terminationReasonsFor(who).map((r) => ({ value: r.id, label: r.label }));
  const ends = coverageEndsText(requestedDate, policy, today);
  return (
    <>
      <SelectField name="reason" label="Reason" options={options} placeholder="Choose a reason…" />
      <DateField name="requestedDate" label="Date of the event" hint={`The last day worked, the date of death or of the divorce. ${terminationRuleText(policy, today)}`} />
      {ends && (
        <p className="wz-note" aria-live="polite">
          {ends}.
        </p>
      )}
      <CobraNotice groupNumber={groupNumber} reason={reason} />
    </>
  );
}
