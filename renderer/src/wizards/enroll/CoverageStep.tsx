import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Group } from '@shared/contract/schemas/group';
import { isoDate } from '@shared/contract/schemas/primitives';
import { currentOrNextOpenEnrollment, initialEnrollmentCloses, isInOpenEnrollment, specialEnrollmentEffectiveDate, specialEnrollmentEventIds } from '@shared/domain/late-enrollment';
import { qualifyingEvent } from '@shared/domain/qualifying-events';
import { compareDates } from '@shared/util/dates';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { DateField, RadioGroupField, SelectField, type Option } from '../../components/form';
import { offerEffectiveDates, type EffectiveDateOffer } from './effective-dates';
import { ExceptionOffer, ExceptionRequestDialog } from '../common/ExceptionRequestDialog';
import { isLateHire, lateEventEnrollmentRefusal, type EnrollValues } from './enroll-form';

const eventOptions: Option[] = specialEnrollmentEventIds.map((id) => ({ value: id, label: qualifyingEvent(id).label }));

/** Plan, and a start date offered from the group's waiting period and retro window, with the reason shown. */
export function CoverageStep({ group, today }: { group: Group; today: string }) {
  const [hireDate, chosen, firstName, lastName, planCode, reason, eventKind, eventDate] = useWatch<
    EnrollValues,
    ['subscriber.hireDate', 'effectiveDate', 'subscriber.firstName', 'subscriber.lastName', 'planCode', 'enrollmentReason', 'event.kind', 'event.date']
  >({ name: ['subscriber.hireDate', 'effectiveDate', 'subscriber.firstName', 'subscriber.lastName', 'planCode', 'enrollmentReason', 'event.kind', 'event.date'] });
  const [asking, setAsking] = useState(false);
  const late = isLateHire(hireDate, group.policy, today);
  // An event past its window: refused, but the plan may still allow it when asked.
  const lateEvent = late ? lateEventEnrollmentRefusal({ enrollmentReason: reason ?? '', event: { kind: eventKind, date: eventDate } }, group.policy, today) : null;
  const { setValue } = useFormContext<EnrollValues>();
  // A hire date moved back inside the first window makes the reason moot: it is not sent.
  useEffect(() => {
    if (!late && reason) setValue('enrollmentReason', '');
  }, [late, reason, setValue]);
  const openEnrollment = currentOrNextOpenEnrollment(today, group.policy);
  const planOptions: Option[] = group.plans.map((p) => ({
    value: p.code,
    label: p.name,
    detail: `${p.kind} · ${formatUsd(p.rates.EMP)} a month for the employee alone`,
  }));
  const offer = !isoDate.safeParse(hireDate).success ? null : late ? lateOffer(reason ?? '', eventKind, eventDate) : offerEffectiveDates(hireDate, group.policy, today);
  const dates = offer ? [...offer.options] : [];
  // A resumed draft may hold a date no longer offered; show it so its message has a place.
  if (chosen && !dates.includes(chosen)) dates.push(chosen);
  const dateOptions: Option[] = dates.map((d, i) => ({
    value: d,
    label: formatDate(d),
    detail: offer && d === offer.earliest ? 'Earliest allowed' : i === dates.length - 1 && !offer?.options.includes(d) ? 'From your draft' : undefined,
  }));

  /** A late hire's dates follow the reason: the plan-year start, or the date the event gives. */
  function lateOffer(why: string, kind: string, date: string): EffectiveDateOffer | null {
    if (why === 'open_enrollment') {
      const start = openEnrollment.planYearStart;
      return { earliest: start, options: [start], reasons: [`Open enrollment covers from the plan-year start, ${formatDate(start)}.`] };
    }
    const event = specialEnrollmentEventIds.find((id) => id === kind);
    if (why !== 'special' || event === undefined || !isoDate.safeParse(date).success || compareDates(date, today) > 0) return null;
    const start = specialEnrollmentEffectiveDate(event, date, today);
    return { earliest: start, options: [start], reasons: [`Coverage for a ${qualifyingEvent(event).label.toLowerCase()} on ${formatDate(date)} starts on ${formatDate(start)}.`] };
  }
  const reasonOptions: Option[] = [
    { value: 'special', label: 'For a qualifying event', detail: 'Marriage, a birth or adoption, or loss of other coverage, Medicaid or CHIP' },
    ...(isInOpenEnrollment(today, openEnrollment) ? [{ value: 'open_enrollment', label: 'During open enrollment', detail: `Open until ${formatDate(openEnrollment.end)}, for coverage from ${formatDate(openEnrollment.planYearStart)}` }] : []),
  ];
  const who = firstName.trim() === '' ? 'This employee' : firstName.trim();
  const oePhrase = isInOpenEnrollment(today, openEnrollment)
    ? `during open enrollment (open now until ${formatDate(openEnrollment.end)}, for coverage from ${formatDate(openEnrollment.planYearStart)})`
    : `during open enrollment (next: ${formatDate(openEnrollment.start)}–${formatDate(openEnrollment.end)}, for coverage from ${formatDate(openEnrollment.planYearStart)})`;

  return (
    <>
      {late && (
        <>
          <div className="wz-note" id="late-why">
            <p>
              {who} was hired on {formatDate(hireDate)}: the first enrollment window closed on {formatDate(initialEnrollmentCloses(hireDate, group.policy))}. Enroll for a qualifying event, or {oePhrase}.
            </p>
          </div>
          <RadioGroupField name="enrollmentReason" label="Why can this employee enroll now?" options={reasonOptions} />
          {reason === 'special' && (
            <div className="wz-row">
              <SelectField name="event.kind" label="Qualifying event" options={eventOptions} />
              <DateField name="event.date" label="Date of the event" max={today} />
            </div>
          )}
          {/* Always in the page, so screen readers hear when the event's window turns out closed. */}
          <div aria-live="polite">
            {lateEvent !== null && (
              <div className="wz-note is-warning">
                <p>
                  The window for this event closed on {formatDate(lateEvent.windowCloses)} ({lateEvent.windowDays} days after the event).
                </p>
                <ExceptionOffer onAsk={() => setAsking(true)} />
              </div>
            )}
          </div>
          {asking && lateEvent !== null && (
            <ExceptionRequestDialog
              groupNumber={group.groupNumber}
              memberId={null}
              changeKind="enroll"
              input={{ employee: `${firstName.trim()} ${lastName.trim()}`.trim(), hireDate, planCode, eventKind, eventDate, requestDate: today }}
              rule={{ code: 'qualifying_event_window', message: lateEvent.message }}
              onClose={() => setAsking(false)}
            />
          )}
        </>
      )}
      <RadioGroupField name="planCode" label="Plan" options={planOptions} />
      {offer ? (
        <>
          <div className="wz-note" id="effective-why">
            {offer.reasons.map((r) => (
              <p key={r}>{r}</p>
            ))}
          </div>
          <RadioGroupField name="effectiveDate" label="Coverage starts" options={dateOptions} inline />
        </>
      ) : (
        <p className="wz-note">{late ? 'Choose the reason above (and the event with its date): the start dates follow from it.' : 'Enter the hire date on the Employment step first: the start dates follow from it.'}</p>
      )}
    </>
  );
}
