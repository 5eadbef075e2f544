import { importActions } from '@shared/contract/methods/roster-import';
import { relationships, type Relationship } from '@shared/contract/schemas/member';
import { enrollmentReasons } from '@shared/domain/late-enrollment';
import { qualifyingEvents } from '@shared/domain/qualifying-events';
import { relationshipLabels } from '@shared/domain/relationships';
import { terminationReasons } from '@shared/domain/termination-reasons';

/**
 * The batch-enrollment spreadsheet's columns, in template order: what the template writes and
 * exactly what the readers accept (a header is matched by its label, ignoring case and spacing).
 */
export const importColumns = [
  { key: 'action', label: 'Action', help: 'What to do with this person.' },
  { key: 'memberId', label: 'Member ID', help: 'The plan’s member ID. Empty for someone new; required to terminate, change or reinstate.' },
  {
    key: 'familyKey',
    label: 'Family key',
    help: 'Rows of one family share it: for a new employee, any reference of your own (the employee’s row and their dependents’ rows carry the same one); for an enrolled family, the employee’s member ID. Empty: the member ID’s first 9 digits.',
  },
  { key: 'relationship', label: 'Relationship', help: 'Who this person is in the family.' },
  { key: 'firstName', label: 'First name', help: 'As on legal documents.' },
  { key: 'middleName', label: 'Middle name', help: 'Optional.' },
  { key: 'lastName', label: 'Last name', help: 'As on legal documents.' },
  { key: 'suffix', label: 'Suffix', help: 'Optional: Jr., III.' },
  { key: 'dateOfBirth', label: 'Date of birth', help: 'YYYY-MM-DD.' },
  { key: 'gender', label: 'Gender', help: 'F, M or U (unknown).' },
  { key: 'ssn', label: 'SSN', help: 'Nine digits, dashes optional. Required for an employee.' },
  { key: 'line1', label: 'Address line 1', help: 'Required for a new employee; dependents live with the employee unless given.' },
  { key: 'line2', label: 'Address line 2', help: 'Optional.' },
  { key: 'city', label: 'City', help: '' },
  { key: 'state', label: 'State', help: 'Two-letter USPS code.' },
  { key: 'zip', label: 'ZIP', help: '5 digits or ZIP+4.' },
  { key: 'phone', label: 'Phone', help: 'Optional.' },
  { key: 'email', label: 'Email', help: 'Optional.' },
  { key: 'hireDate', label: 'Hire date', help: 'YYYY-MM-DD. Required for a new employee.' },
  { key: 'employmentStatus', label: 'Employment status', help: 'FT (full time) or PT (part time). Required for a new employee.' },
  { key: 'planCode', label: 'Plan code', help: 'For a new employee: one of the group’s plans.' },
  { key: 'effectiveDate', label: 'Effective date', help: 'YYYY-MM-DD. Add: coverage start (for a dependent added to an enrolled employee, the date of the event). Change: when the change takes effect (empty: today).' },
  { key: 'terminationDate', label: 'Termination date', help: 'YYYY-MM-DD. Terminate: the event (last day worked, death, divorce); the plan’s rule gives the last covered day.' },
  { key: 'reason', label: 'Reason', help: 'A reason code (see below): required to terminate and to add a dependent to an enrolled employee; "correction" for a change that corrects a wrong record.' },
] as const;

export type ImportColumnKey = (typeof importColumns)[number]['key'];

/** The Action column's words. */
export const actionWords: Record<(typeof importActions)[number], string> = { add: 'Add', terminate: 'Terminate', change: 'Change', reinstate: 'Reinstate' };

/** The Reason column's codes a change takes: a correction of a wrong record (834 INS04 25). */
export const correctionReason = 'correction';

/** Reason codes by the action they go with, in the words the wizards show. */
export function reasonCodes(): { code: string; label: string; use: string }[] {
  return [
    ...enrollmentReasons.filter((r) => r !== 'special').map((code) => ({ code, label: code === 'initial' ? 'First enrollment after hire' : 'Open enrollment', use: 'Add an employee (empty: first enrollment after hire)' })),
    ...qualifyingEvents.filter((e) => e.action === 'add').map((e) => ({ code: e.id, label: e.label, use: 'Add a dependent to an enrolled employee' })),
    ...terminationReasons.map((r) => ({ code: r.id, label: r.label, use: 'Terminate' })),
    { code: correctionReason, label: 'Correction of a wrong record', use: 'Change' },
  ];
}

/** The Relationship column's words, as the wizards label them. */
export const relationshipWords: readonly string[] = relationships.map((r) => relationshipLabels[r]);

const normalize = (word: string): string => word.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

const relationshipByWord = new Map<string, Relationship>(relationships.flatMap((r) => [[normalize(relationshipLabels[r]), r] as const, [normalize(r), r] as const]));

export const relationshipFromWord = (word: string): Relationship | null => relationshipByWord.get(normalize(word)) ?? null;

const actionByWord = new Map(importActions.map((a) => [a, a] as const));

export const actionFromWord = (word: string): (typeof importActions)[number] | null => actionByWord.get(normalize(word) as (typeof importActions)[number]) ?? null;

const columnByLabel = new Map<string, ImportColumnKey>(importColumns.map((c) => [normalize(c.label), c.key]));

/** The column a header cell names, or null for a column the template does not have. */
export const columnFromLabel = (label: string): ImportColumnKey | null => columnByLabel.get(normalize(label)) ?? null;
