import { useWatch } from 'react-hook-form';
import { isoDate } from '@shared/contract/schemas/primitives';
import { employeeAgeWarning } from '@shared/domain/employee-age';
import { formatDate } from '../../components/format';

/**
 * The warning under an employee's date of birth when it makes them unlikely to work here: measured on
 * the hire date once it is a date, else on `today`. Null while the birth date is not a whole date.
 */
export function useEmployeeAgeWarning(dateOfBirthName: string, hireDate: string | null | undefined, today: string): string | null {
  const dateOfBirth = useWatch({ name: dateOfBirthName }) as unknown;
  if (typeof dateOfBirth !== 'string' || !isoDate.safeParse(dateOfBirth).success) return null;
  const hired = typeof hireDate === 'string' && isoDate.safeParse(hireDate).success ? hireDate : null;
  return hired === null ? employeeAgeWarning(dateOfBirth, today, 'today') : employeeAgeWarning(dateOfBirth, hired, `on the hire date (${formatDate(hired)})`);
}
