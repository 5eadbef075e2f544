import { useWatch } from 'react-hook-form';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { qualifyingEvent } from '@shared/domain/qualifying-events';
import { isChildRelationship, relationshipLabels } from '@shared/domain/relationships';
import { maskSsn } from '@shared/util/mask';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { ReviewItem, ReviewSection, genderOptions } from '../common';
import { addDependentTransaction, tierChange, timingOf, type AddDependentValues } from './add-dependent-form';

const genderLabel = (g: string) => genderOptions.find((o) => o.value === g)?.label ?? g;

/** Exactly what will be sent, the start date it gives, and how the family's tier and premium change. */
export function ReviewStep({ group, subscriber, today, goTo }: { group: Group; subscriber: MemberDetail; today: string; goTo: (step: string) => void }) {
  const values = useWatch<AddDependentValues>() as AddDependentValues;
  const { request } = addDependentTransaction(subscriber.memberId, values);
  const d = request.dependent;
  const timing = timingOf(values.event, today, group.policy, subscriber);
  const change = tierChange(group, subscriber, d.relationship);
  const difference = change.before.premium !== null && change.after.premium !== null ? change.after.premium - change.before.premium : null;

  return (
    <div className="wz-review">
      <div className="wz-cost" role="group" aria-label="Tier and premium">
        <div>
          <div className="muted">Tier</div>
          <div className="wz-cost-figure">
            {change.before.tier === change.after.tier
              ? `${change.after.tier} · ${coverageTierLabels[change.after.tier]} (unchanged)`
              : `${change.before.tier} → ${change.after.tier} · ${coverageTierLabels[change.after.tier]}`}
          </div>
        </div>
        <div>
          <div className="muted">Monthly premium ({change.planName})</div>
          <div className="wz-cost-figure">
            {change.before.premium === null || change.after.premium === null ? '—' : `${formatUsd(change.before.premium)} → ${formatUsd(change.after.premium)}`}
          </div>
        </div>
        {difference !== null && (
          <div>
            <div className="muted">Change</div>
            <div className="wz-cost-figure">{difference === 0 ? 'No change' : `${difference > 0 ? '+' : ''}${formatUsd(difference)} a month`}</div>
          </div>
        )}
      </div>
      <ReviewSection title="Event" onChange={() => goTo('event')}>
        <ReviewItem label="Employee">
          {subscriber.firstName} {subscriber.lastName} <span className="mono muted">{request.subscriberId}</span>
        </ReviewItem>
        <ReviewItem label="Relationship">{relationshipLabels[d.relationship]}</ReviewItem>
        <ReviewItem label="Qualifying event">{qualifyingEvent(request.event.kind).label}</ReviewItem>
        <ReviewItem label="Date of the event">{formatDate(request.event.date)}</ReviewItem>
        <ReviewItem label="Coverage starts">{timing ? formatDate(timing.effectiveDate) : null}</ReviewItem>
      </ReviewSection>
      <ReviewSection title="Dependent’s details" onChange={() => goTo('person')}>
        <ReviewItem label="First name">{d.firstName}</ReviewItem>
        <ReviewItem label="Middle name">{d.middleName}</ReviewItem>
        <ReviewItem label="Last name">{d.lastName}</ReviewItem>
        <ReviewItem label="Suffix">{d.suffix}</ReviewItem>
        <ReviewItem label="Date of birth">{formatDate(d.dateOfBirth)}</ReviewItem>
        <ReviewItem label="Gender">{genderLabel(d.gender)}</ReviewItem>
        <ReviewItem label="SSN">{d.ssn ? <span className="mono">{maskSsn(d.ssn)}</span> : null}</ReviewItem>
        {isChildRelationship(d.relationship) && <ReviewItem label="Disabled">{d.disabled ? 'Yes, proof on file' : 'No'}</ReviewItem>}
        <ReviewItem label="Address">Same as the employee</ReviewItem>
      </ReviewSection>
    </div>
  );
}
