import { useWatch } from 'react-hook-form';
import { AddressFields, PersonFields, useEmployeeAgeWarning } from '../common';
import { DateField, RadioGroupField, TextField } from '../../components/form';

export function PersonStep({ today }: { today: string }) {
  // The hire date comes on a later step: once typed (going back), the age is measured on it.
  const hireDate = useWatch({ name: 'subscriber.hireDate' }) as string | undefined;
  const ageWarning = useEmployeeAgeWarning('subscriber.dateOfBirth', hireDate, today);
  return <PersonFields prefix="subscriber" today={today} ageWarning={ageWarning} />;
}

export function ContactStep() {
  return (
    <>
      <AddressFields prefix="subscriber.address" />
      <div className="wz-row">
        <TextField name="subscriber.phone" label="Phone" type="tel" optional size="medium" autoComplete="off" />
        <TextField name="subscriber.email" label="E-mail" type="email" optional autoComplete="off" />
      </div>
    </>
  );
}

const employmentOptions = [
  { value: 'FT', label: 'Full time' },
  { value: 'PT', label: 'Part time' },
];

export function EmploymentStep({ waitingPeriodDays }: { waitingPeriodDays: number }) {
  return (
    <>
      <DateField
        name="subscriber.hireDate"
        label="Hire date"
        hint={waitingPeriodDays > 0 ? `Coverage can start after the group's ${waitingPeriodDays}-day waiting period from this date.` : 'This group has no waiting period.'}
      />
      <RadioGroupField name="subscriber.employmentStatus" label="Employment status" options={employmentOptions} inline />
      <TextField name="subscriber.employeeClass" label="Employee class" optional hint="As your plan contract names it, like Salaried, Hourly or Union" size="medium" autoComplete="off" />
    </>
  );
}
