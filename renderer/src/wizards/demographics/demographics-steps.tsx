import { useWatch } from 'react-hook-form';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { earliestRetroDate, retroWindowPhrase } from '@shared/domain/retro-window';
import { formatDate } from '../../components/format';
import { AddressFields, genderOptions, useEmployeeAgeWarning } from '../common';
import { DateField, RadioGroupField, SsnField, TextField, fieldId } from '../../components/form';
import { changedFields, type DemographicsValues } from './demographics-form';
import { ChangesTable } from './ChangesTable';
import { MovingDependents } from './MovingDependents';

export function IdentityStep({ member, today }: { member: MemberDetail; today: string }) {
  const ageWarning = useEmployeeAgeWarning('changes.dateOfBirth', member.hireDate, today);
  return (
    <>
      <p className="wz-note">
        A name spelled wrong, a wrong date of birth or SSN is a <strong>correction</strong>; a new name after a marriage is a <strong>change</strong>. You say which on the
        “Why and when” step.
      </p>
      <div className="wz-row">
        <TextField name="changes.firstName" label="First name" autoComplete="off" />
        <TextField name="changes.middleName" label="Middle name" optional autoComplete="off" />
      </div>
      <div className="wz-row">
        <TextField name="changes.lastName" label="Last name" autoComplete="off" />
        <TextField name="changes.suffix" label="Suffix" optional hint="Jr., Sr., III" size="short" autoComplete="off" />
      </div>
      <div className="wz-row">
        <DateField
          name="changes.dateOfBirth"
          label="Date of birth"
          max={today}
          hint="Only a correction can change it."
          warning={member.relationship === 'subscriber' ? ageWarning : null}
        />
        <RadioGroupField name="changes.gender" label="Gender" options={genderOptions} inline />
      </div>
      <SsnField
        name="changes.ssn"
        label="Corrected Social Security number"
        optional
        hint={`${member.ssn ? `On file: ${member.ssn}.` : 'None on file.'} Type the full number only to correct it; leave it blank to keep ${member.ssn ? 'it' : 'none'}.`}
      />
    </>
  );
}

const employmentOptions = [
  { value: 'FT', label: 'Full time' },
  { value: 'PT', label: 'Part time' },
];

export function ContactStep({ member }: { member: MemberDetail }) {
  return (
    <>
      <AddressFields prefix="changes.address" />
      <MovingDependents member={member} />
      <div className="wz-row">
        <TextField name="changes.phone" label="Phone" type="tel" optional size="medium" autoComplete="off" />
        <TextField name="changes.email" label="E-mail" type="email" optional autoComplete="off" />
      </div>
      {member.relationship === 'subscriber' && (
        <>
          <RadioGroupField name="changes.employmentStatus" label="Employment status" options={employmentOptions} inline />
          <TextField name="changes.employeeClass" label="Employee class" optional hint="As your plan contract names it, like Salaried, Hourly or Union" size="medium" autoComplete="off" />
        </>
      )}
    </>
  );
}

const whyOptions = [
  { value: 'change', label: 'A change in the member’s life', detail: 'A move, a new phone, a new name after a marriage or divorce.' },
  { value: 'correction', label: 'A correction: the record was wrong', detail: 'A typing mistake in the name, the date of birth or the SSN. Reported to the plan as a correction of identifying data.' },
];

/** What differs from the record, whether it is a life change or a correction, and from when. */
export function WhenStep({ member, policy, today }: { member: MemberDetail; policy: Pick<GroupPolicy, 'retroMonths'>; today: string }) {
  const values = useWatch<DemographicsValues>() as DemographicsValues;
  const changes = changedFields(member, values);
  return (
    <>
      <section id={fieldId('changed')} tabIndex={-1} aria-labelledby="wz-changed-title" className="wz-review-section">
        <h3 id="wz-changed-title">What changes</h3>
        <ChangesTable member={member} changes={changes} labelledBy="wz-changed-title" />
      </section>
      <RadioGroupField name="why" label="Why is this changing?" options={whyOptions} />
      <DateField
        name="effectiveDate"
        label="Effective date"
        hint={`The day the new details apply. It can be as early as ${formatDate(earliestRetroDate(policy, today))}: ${retroWindowPhrase(policy.retroMonths)}.`}
      />
    </>
  );
}
