import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { qualifyingEvents } from '@shared/domain/qualifying-events';
import { isPartnerRelationship, relationshipLabels } from '@shared/domain/relationships';
import { dependentRelationship } from '@shared/plan-api/eligibility';
import { compareDates } from '@shared/util/dates';
import { formatDate } from '../../components/format';
import { DateField, RadioGroupField, SelectField, type Option } from '../../components/form';
import { ExceptionOffer, ExceptionRequestDialog } from '../common/ExceptionRequestDialog';
import { coveredRelationships, lateEventRefusal, timingOf, type AddDependentValues } from './add-dependent-form';

const addEvents = qualifyingEvents.filter((e) => e.action === 'add');
const relationshipOptions: Option[] = dependentRelationship.options.map((r) => ({ value: r, label: relationshipLabels[r] }));

function windowText(days: number | null, medicaid: boolean) {
  if (days === null) return 'no deadline: the plan honours a court order whenever it arrives';
  return `${days} days to request${medicaid ? ' (Medicaid/CHIP events)' : ''}`;
}

/** Who joins and why: the relationship, the qualifying event and its date, with the window and start date worked out. */
export function EventStep({ groupNumber, subscriber, policy, today }: { groupNumber: string; subscriber: MemberDetail; policy: GroupPolicy; today: string }) {
  const [relationship, event] = useWatch<AddDependentValues, ['dependent.relationship', 'event']>({ name: ['dependent.relationship', 'event'] });
  const [asking, setAsking] = useState(false);
  const partnerCovered = coveredRelationships(subscriber).some(isPartnerRelationship);
  const fitting = addEvents.filter((e) => relationship === '' || e.relationships.includes(relationship) || e.id === event.kind);
  const eventOptions: Option[] = fitting.map((e) => ({
    value: e.id,
    label: e.label,
    detail: `${e.effective === 'event_date' ? 'Covered from the event date' : 'Covered from the first of the next month'} · ${windowText(
      e.window === 'none' ? null : e.window === 'medicaid' ? policy.medicaidSpecialEnrollmentDays : policy.specialEnrollmentDays,
      e.window === 'medicaid',
    )}`,
  }));
  const timing = timingOf(event, today, policy, subscriber);
  const closed = timing?.windowCloses != null && compareDates(today, timing.windowCloses) > 0;
  const late = lateEventRefusal(relationship, event, today, policy);

  return (
    <>
      <SelectField
        name="dependent.relationship"
        label="Relationship to the employee"
        options={relationshipOptions}
        hint={partnerCovered ? 'This family already has a spouse or domestic partner covered: only one can be.' : undefined}
      />
      <RadioGroupField name="event.kind" label="Qualifying event" hint="A life event lets a family add a dependent outside open enrollment." options={eventOptions} />
      <DateField name="event.date" label="Date of the event" max={today} />
      {/* Always in the page, so screen readers hear the window and start date as they change. */}
      <div aria-live="polite">
        {timing && (
          <div className={closed ? 'wz-note is-warning' : 'wz-note'}>
            {timing.windowCloses && (
              <p>
                {closed ? 'The window for this event closed on ' : 'Request by '}
                {formatDate(timing.windowCloses)} ({timing.windowDays} days after the event).
              </p>
            )}
            {late !== null && (
              <ExceptionOffer onAsk={() => setAsking(true)} />
            )}
            {!closed && (
              <p>
                Coverage would start {formatDate(timing.effectiveDate)}
                {timing.heldToSubscriberStart
                  ? ', when the employee’s own coverage starts.'
                  : timing.from === 'event_date'
                    ? ': newborns and adopted or placed children are covered from the event date.'
                    : ': the first of the month after this request.'}
              </p>
            )}
          </div>
        )}
      </div>
      {asking && late !== null && (
        <ExceptionRequestDialog
          groupNumber={groupNumber}
          memberId={subscriber.memberId}
          changeKind="add_dependent"
          input={{ relationship, eventKind: event.kind, eventDate: event.date, requestDate: today }}
          rule={{ code: 'qualifying_event_window', message: late }}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
