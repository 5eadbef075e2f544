import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import type { MemberStatus } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import type { RosterRecord } from './roster-record';

/** A cell as every writer needs it: text, a calendar date (`YYYY-MM-DD`) or money (integer cents). */
export type RosterCell = { kind: 'text'; value: string | null } | { kind: 'date'; value: string | null } | { kind: 'money'; cents: number | null };

export interface ColumnSpec {
  /** The header every file shows, in words. */
  label: string;
  /** What every cell of the column holds. */
  kind: RosterCell['kind'];
  /** Relative width in a spreadsheet or a PDF table (characters). */
  width: number;
  cell: (record: RosterRecord) => RosterCell;
}

const statusWords: Record<MemberStatus, string> = { active: 'Active', pending: 'Pending', terminated: 'Terminated' };
const genderWords = { F: 'Female', M: 'Male', U: 'Unknown' } as const;
const employmentWords = { FT: 'Full time', PT: 'Part time' } as const;

const text = (label: string, width: number, value: (r: RosterRecord) => string | null): ColumnSpec => ({ label, kind: 'text', width, cell: (r) => ({ kind: 'text', value: value(r) }) });
const date = (label: string, width: number, value: (r: RosterRecord) => string | null): ColumnSpec => ({ label, kind: 'date', width, cell: (r) => ({ kind: 'date', value: value(r) }) });

/** The one label map and cell reader every roster writer uses, so CSV, Excel and PDF agree column for column. */
export const rosterColumnSpecs: Record<RosterExportColumn, ColumnSpec> = {
  memberId: text('Member ID', 14, (r) => r.memberId),
  subscriberId: text('Subscriber ID', 14, (r) => r.subscriberId),
  relationship: text('Relationship', 14, (r) => relationshipLabels[r.relationship]),
  lastName: text('Last name', 18, (r) => r.lastName),
  firstName: text('First name', 16, (r) => r.firstName),
  middleName: text('Middle name', 14, (r) => r.middleName),
  suffix: text('Suffix', 7, (r) => r.suffix),
  dateOfBirth: date('Date of birth', 13, (r) => r.dateOfBirth),
  gender: text('Gender', 9, (r) => genderWords[r.gender]),
  ssnLast4: text('SSN last 4', 9, (r) => r.ssnLast4),
  street: text('Street', 28, (r) => (r.address.line2 === undefined || r.address.line2 === '' ? r.address.line1 : `${r.address.line1}, ${r.address.line2}`)),
  city: text('City', 16, (r) => r.address.city),
  state: text('State', 6, (r) => r.address.state),
  zip: text('ZIP code', 10, (r) => r.address.zip),
  phone: text('Phone', 14, (r) => r.phone),
  email: text('Email', 26, (r) => r.email),
  hireDate: date('Hire date', 12, (r) => r.hireDate),
  employmentStatus: text('Employment', 11, (r) => (r.employmentStatus === null ? null : employmentWords[r.employmentStatus])),
  planCode: text('Plan code', 11, (r) => r.planCode),
  planName: text('Plan', 20, (r) => r.planName),
  tier: text('Tier', 6, (r) => r.tier),
  status: text('Status', 11, (r) => statusWords[r.status]),
  effectiveDate: date('Effective date', 14, (r) => r.effectiveDate),
  terminationDate: date('Termination date', 16, (r) => r.terminationDate),
  monthlyPremium: { label: 'Monthly premium', kind: 'money', width: 16, cell: (r) => ({ kind: 'money', cents: r.monthlyPremiumCents }) },
};
