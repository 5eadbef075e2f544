import { useWatch } from 'react-hook-form';
import type { Address, Group } from '@shared/contract/schemas/group';
import { coverageTierLabels, deriveCoverageTier, monthlyPremium } from '@shared/domain/coverage-tier';
import { relationshipLabels } from '@shared/domain/relationships';
import type { EnrollRequest } from '@shared/plan-api/eligibility';
import { maskSsn } from '@shared/util/mask';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../components/format';
import { ReviewItem, ReviewSection } from '../common';
import { enrollRequestFrom, type EnrollValues } from './enroll-form';

const genders = { F: 'Female', M: 'Male', U: 'Not specified' } as const;

type Person = EnrollRequest['dependents'] extends (infer D)[] | undefined ? D : never;

function AddressText({ address }: { address: Address }) {
  return (
    <address className="address">
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.city}, {address.state} {address.zip}
    </address>
  );
}

function PersonItems({ person }: { person: Omit<Person, 'relationship'> }) {
  return (
    <>
      <ReviewItem label="First name">{person.firstName}</ReviewItem>
      <ReviewItem label="Middle name">{person.middleName}</ReviewItem>
      <ReviewItem label="Last name">{person.lastName}</ReviewItem>
      <ReviewItem label="Suffix">{person.suffix}</ReviewItem>
      <ReviewItem label="Date of birth">{formatDate(person.dateOfBirth)}</ReviewItem>
      <ReviewItem label="Gender">{genders[person.gender]}</ReviewItem>
      <ReviewItem label="SSN">{person.ssn ? <span className="mono">{maskSsn(person.ssn)}</span> : null}</ReviewItem>
    </>
  );
}

/** Exactly what will be sent (built by the same function as the request), with the tier and what it costs. */
export function ReviewStep({ group, goTo }: { group: Group; goTo: (step: string) => void }) {
  const values = useWatch<EnrollValues>() as EnrollValues;
  const request = enrollRequestFrom(values);
  const { subscriber } = request;
  const dependents = request.dependents ?? [];
  const plan = group.plans.find((p) => p.code === request.planCode);
  const tier = deriveCoverageTier(['subscriber', ...dependents.map((d) => d.relationship)]);

  return (
    <div className="wz-review">
      <div className="wz-cost" aria-label="Coverage and cost" role="group">
        <div>
          <div className="muted">Tier</div>
          <div className="wz-cost-figure">
            {tier} · {coverageTierLabels[tier]}
          </div>
        </div>
        <div>
          <div className="muted">Monthly premium</div>
          <div className="wz-cost-figure">{plan ? formatUsd(monthlyPremium(plan, tier)) : '—'}</div>
        </div>
        <div>
          <div className="muted">Plan</div>
          <div className="wz-cost-figure">{plan?.name ?? request.planCode}</div>
        </div>
      </div>
      <ReviewSection title="Personal details" onChange={() => goTo('person')}>
        <PersonItems person={subscriber} />
      </ReviewSection>
      <ReviewSection title="Address and contact" onChange={() => goTo('contact')}>
        <ReviewItem label="Address">
          <AddressText address={subscriber.address} />
        </ReviewItem>
        <ReviewItem label="Phone">{subscriber.phone}</ReviewItem>
        <ReviewItem label="E-mail">{subscriber.email}</ReviewItem>
      </ReviewSection>
      <ReviewSection title="Employment" onChange={() => goTo('employment')}>
        <ReviewItem label="Hire date">{formatDate(subscriber.hireDate)}</ReviewItem>
        <ReviewItem label="Employment status">{subscriber.employmentStatus === 'FT' ? 'Full time' : 'Part time'}</ReviewItem>
        <ReviewItem label="Employee class">{subscriber.employeeClass}</ReviewItem>
      </ReviewSection>
      <ReviewSection title="Coverage" onChange={() => goTo('coverage')}>
        <ReviewItem label="Plan">
          {plan?.name} <span className="mono muted">{request.planCode}</span>
        </ReviewItem>
        <ReviewItem label="Coverage starts">{formatDate(request.effectiveDate)}</ReviewItem>
      </ReviewSection>
      {dependents.length === 0 ? (
        <ReviewSection title="Dependents" onChange={() => goTo('dependents')}>
          <ReviewItem label="Dependents">None</ReviewItem>
        </ReviewSection>
      ) : (
        dependents.map((d, i) => (
          <ReviewSection key={i} title={`Dependent ${i + 1}: ${relationshipLabels[d.relationship]}`} onChange={() => goTo('dependents')}>
            <PersonItems person={d} />
            <ReviewItem label="Relationship">{relationshipLabels[d.relationship]}</ReviewItem>
            {d.relationship !== 'spouse' && d.relationship !== 'domestic_partner' && <ReviewItem label="Disabled">{d.disabled ? 'Yes, proof on file' : 'No'}</ReviewItem>}
            <ReviewItem label="Address">Same as the employee</ReviewItem>
          </ReviewSection>
        ))
      )}
    </div>
  );
}
