import { AddressFields, PersonFields } from '../common';
import { DateField, RadioGroupField, TextField } from '../../components/form';

export function PersonStep({ today }: { today: string }) {
  return <PersonFields prefix="subscriber" today={today} />;
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
