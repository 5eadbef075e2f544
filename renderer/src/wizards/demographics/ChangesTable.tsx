import type { Address } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { memberFieldLabels } from '@shared/domain/member-field-labels';
import { maskSsn } from '@shared/util/mask';
import { formatDate } from '../../components/format';
import { genderOptions } from '../common';
import type { DemographicChanges } from './demographics-form';
import './demographics.css';

type Field = keyof DemographicChanges;

/** The shared words, but "E-mail" as this wizard's own field is labelled. */
const labels: Record<Field, string> = { ...memberFieldLabels, address: 'Address', email: 'E-mail', employeeClass: 'Employee class' };
const order: readonly Field[] = ['firstName', 'middleName', 'lastName', 'suffix', 'dateOfBirth', 'gender', 'ssn', 'address', 'phone', 'email', 'employmentStatus', 'employeeClass'];

const addressLine = (a: Address) => [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ');
const employment = (v: string | null | undefined) => (v === 'FT' ? 'Full time' : v === 'PT' ? 'Part time' : null);

function shown(field: Field, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'address') return addressLine(value as Address);
  if (field === 'dateOfBirth') return formatDate(value as string);
  if (field === 'gender') return genderOptions.find((g) => g.value === value)?.label ?? String(value);
  if (field === 'employmentStatus') return employment(value as string);
  // A full SSN is never shown back: its last four are enough to check it.
  if (field === 'ssn') return maskSsn(value as string);
  return String(value);
}

function onFile(member: MemberDetail, field: Field): string | null {
  if (field === 'ssn') return member.ssn;
  return shown(field, member[field]);
}

/** Each field that will be sent, as it is on file and as it will be; nothing else is sent. */
export function ChangesTable({ member, changes, labelledBy }: { member: MemberDetail; changes: DemographicChanges; labelledBy: string }) {
  const fields = order.filter((f) => f in changes);
  if (fields.length === 0) return <p className="muted">Nothing yet: every field is as on file.</p>;
  return (
    <table className="table wz-changes" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">On file</th>
          <th scope="col">New</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{labels[f]}</th>
            <td>{onFile(member, f) ?? <span className="muted">None</span>}</td>
            <td>
              <strong>{shown(f, changes[f]) ?? 'None (removed)'}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
