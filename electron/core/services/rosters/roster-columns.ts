import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import type { MemberStatus } from '@shared/contract/schemas/member';
import { relationshipLabels } from '@shared/domain/relationships';
import type { MemberDetail, RosterRecord } from './roster-record';

/** A cell as every writer needs it: text, a calendar date (`YYYY-MM-DD`) or money (integer cents). */
export type RosterCell = { kind: 'text'; value: string | null } | { kind: 'date'; value: string | null } | { kind: 'money'; cents: number | null };

export interface ColumnSpec {
  /** The header every file shows, in words. */
  label: string;
  /** What every cell of the column holds. */
  kind: RosterCell['kind'];
  /** Relative width in a spreadsheet or a PDF table (characters). */
  width: number;
  /** The member details the cell is made from (the coverage, IDs and relationship are always read). */
  reads: readonly MemberDetail[];
  cell: (record: RosterRecord) => RosterCell;
}

const statusWords: Record<MemberStatus, string> = { active: 'Active', pending: 'Pending', terminated: 'Terminated' };
const genderWords = { F: 'Female', M: 'Male', U: 'Unknown' } as const;
const employmentWords = { FT: 'Full time', PT: 'Part time' } as const;

/** A text or date column: its cells are the value the record gives, of the column's kind. */
const valueColumn =
  (kind: 'text' | 'date') =>
  (label: string, width: number, reads: readonly MemberDetail[], value: (r: RosterRecord) => string | null): ColumnSpec => ({
    label,
    kind,
    width,
    reads,
    cell: (r) => ({ kind, value: value(r) }),
  });
const text = valueColumn('text');
const date = valueColumn('date');

/** The one label map and cell reader every roster writer uses, so CSV, Excel and PDF agree column for column. */
export const rosterColumnSpecs: Record<RosterExportColumn, ColumnSpec> = {
  memberId: text('Member ID', 14, [], (r) => r.memberId),
  subscriberId: text('Subscriber ID', 14, [], (r) => r.subscriberId),
  relationship: text('Relationship', 14, [], (r) => relationshipLabels[r.relationship]),
  lastName: text('Last name', 18, ['lastName'], (r) => r.lastName),
  firstName: text('First name', 16, ['firstName'], (r) => r.firstName),
  middleName: text('Middle name', 14, ['middleName'], (r) => r.middleName),
  suffix: text('Suffix', 7, ['suffix'], (r) => r.suffix),
  dateOfBirth: date('Date of birth', 13, ['dateOfBirth'], (r) => r.dateOfBirth),
  gender: text('Gender', 9, ['gender'], (r) => genderWords[r.gender]),
  ssnLast4: text('SSN last 4', 9, ['ssnLast4'], (r) => r.ssnLast4),
  street: text('Street', 28, ['address'], (r) => (r.address.line2 === undefined || r.address.line2 === '' ? r.address.line1 : `${r.address.line1}, ${r.address.line2}`)),
  city: text('City', 16, ['address'], (r) => r.address.city),
  state: text('State', 6, ['address'], (r) => r.address.state),
  zip: text('ZIP code', 10, ['address'], (r) => r.address.zip),
  phone: text('Phone', 14, ['phone'], (r) => r.phone),
  email: text('Email', 26, ['email'], (r) => r.email),
  hireDate: date('Hire date', 12, ['hireDate'], (r) => r.hireDate),
  employmentStatus: text('Employment', 11, ['employmentStatus'], (r) => (r.employmentStatus === null ? null : employmentWords[r.employmentStatus])),
  planCode: text('Plan code', 11, [], (r) => r.planCode),
  planName: text('Plan', 20, [], (r) => r.planName),
  tier: text('Tier', 6, [], (r) => r.tier),
  status: text('Status', 11, [], (r) => statusWords[r.status]),
  effectiveDate: date('Effective date', 14, [], (r) => r.effectiveDate),
  terminationDate: date('Termination date', 16, [], (r) => r.terminationDate),
  monthlyPremium: { label: 'Monthly premium', kind: 'money', width: 16, reads: [], cell: (r) => ({ kind: 'money', cents: r.monthlyPremiumCents }) },
};

/** The member details the columns show, for the reader to fetch (and no others). */
export function detailsRead(columns: readonly RosterExportColumn[]): ReadonlySet<MemberDetail> {
  return new Set(columns.flatMap((column) => rosterColumnSpecs[column].reads));
}
