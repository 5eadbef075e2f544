import { DateField, RadioGroupField, SsnField, TextField } from '../../components/form';
import { genderOptions } from './person-form';

/**
 * Name, date of birth, gender and SSN of one person, under `prefix` (`subscriber`, `dependents.0`,
 * `dependent`). Dependents' SSNs are optional: plans need only make reasonable efforts to collect them (IRC 6055).
 * `earliestBirthDate` keeps the date picker to birth dates the age limit accepts (a child not disabled);
 * `ageWarning` is shown under the date of birth without stopping the step (an employee's unlikely age).
 */
export function PersonFields({
  prefix,
  ssnOptional = false,
  today,
  earliestBirthDate,
  ageWarning,
}: {
  prefix: string;
  ssnOptional?: boolean;
  today: string;
  earliestBirthDate?: string;
  ageWarning?: string | null;
}) {
  const name = (field: string) => `${prefix}.${field}`;
  return (
    <>
      <div className="wz-row">
        <TextField name={name('firstName')} label="First name" autoComplete="off" />
        <TextField name={name('middleName')} label="Middle name" optional autoComplete="off" />
      </div>
      <div className="wz-row">
        <TextField name={name('lastName')} label="Last name" autoComplete="off" />
        <TextField name={name('suffix')} label="Suffix" optional hint="Jr., Sr., III" size="short" autoComplete="off" />
      </div>
      <div className="wz-row">
        <DateField name={name('dateOfBirth')} label="Date of birth" min={earliestBirthDate} max={today} warning={ageWarning} />
        <RadioGroupField name={name('gender')} label="Gender" options={genderOptions} inline />
      </div>
      <SsnField name={name('ssn')} optional={ssnOptional} hint={ssnOptional ? 'Give it if the family has it: the plan reports coverage by SSN.' : undefined} />
    </>
  );
}
