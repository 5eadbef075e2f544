import type { ImportRow } from './import-row';
import { correctionReason } from './import-columns';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { memberFieldLabels } from '@shared/domain/member-field-labels';
import type { EditableMemberField } from '../../store/members/members-repository';
import type { FieldCipher } from '../../store/field-cipher';
import { memberSsnContext } from '../../store/members/member-ssn-context';
import { x12Text } from '@shared/x12/envelope';

/**
 * File rows as the requests the wizards submit (`transactions.submit`'s input). Nothing here checks a
 * rule: the request schema and the wizards' planning functions do that, with their own messages.
 * A request is built as the user filled it, missing values and all, so it is `unknown` until the
 * schema has read it.
 */
export interface RowRequest {
  kind: TransactionInput['kind'];
  request: Record<string, unknown>;
}

/** Drops absent values, so the request schema says "Required" of a missing one rather than "expected string, got null". */
function present<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

const person = (row: ImportRow) => present({ firstName: row.firstName, middleName: row.middleName, lastName: row.lastName, suffix: row.suffix, dateOfBirth: row.dateOfBirth, gender: row.gender, ssn: row.ssn });

const dependent = (row: ImportRow) => ({ ...person(row), relationship: row.relationship, ...present({ address: row.address }) });

/** A new employee with the dependents named with them (the enrollment wizard's request). */
export function enrollInput(subscriber: ImportRow, dependents: readonly ImportRow[]): RowRequest {
  return {
    kind: 'enroll',
    request: {
      subscriber: { ...person(subscriber), ...present({ address: subscriber.address, phone: subscriber.phone, email: subscriber.email, hireDate: subscriber.hireDate, employmentStatus: subscriber.employmentStatus }) },
      ...present({ planCode: subscriber.planCode, effectiveDate: subscriber.effectiveDate, enrollmentReason: subscriber.reason }),
      dependents: dependents.map(dependent),
    },
  };
}

/** A dependent added to an enrolled employee for a qualifying event: the Reason names the event, the Effective date is its date. */
export function addDependentInput(row: ImportRow, subscriberId: string): RowRequest {
  return { kind: 'add_dependent', request: { subscriberId, dependent: dependent(row), event: present({ kind: row.reason, date: row.effectiveDate }) } };
}

export function terminateInput(row: ImportRow, memberId: string): RowRequest {
  return { kind: 'terminate', request: { memberId, ...present({ reason: row.reason, requestedDate: row.terminationDate }) } };
}

export function reinstateInput(memberId: string): RowRequest {
  return { kind: 'reinstate', request: { memberId } };
}

type Stored = Record<EditableMemberField, string | number | Buffer | null>;

/**
 * Whether a file's value is what the roster holds. X12 files carry text as X12 text: capitals, in
 * ASCII (`MUNOZ` for Muñoz, `JORGENSEN` for Jørgensen), so a value in capitals matches the roster's
 * when the roster's, written as X12 text, is the same; a value in mixed case is compared as typed,
 * so a spreadsheet can still correct `beth` to `Beth`.
 */
function sameText(value: string, stored: string | number | Buffer | null): boolean {
  if (typeof stored !== 'string') return false;
  if (value !== value.toUpperCase()) return value === stored;
  return x12Text(value) === x12Text(stored);
}

/**
 * The demographics a row changes: the filled cells whose value differs from the roster's. None: the
 * change changes nothing (the check skips it). A date of birth or SSN needs Reason `correction`,
 * which the planning function asks for in its own words.
 */
export function demographicsInput(row: ImportRow, memberId: string, stored: Stored, cipher: FieldCipher, today: string): RowRequest | null {
  const changes: Record<string, unknown> = {};
  const plain = ['firstName', 'middleName', 'lastName', 'suffix', 'dateOfBirth', 'gender', 'phone', 'email', 'employmentStatus'] as const;
  for (const field of plain) {
    const value = row[field];
    // An empty cell changes nothing (names are never null in a row, only empty).
    if (value !== null && value !== '' && !sameText(value, stored[field])) changes[field] = value;
  }
  if (row.ssn !== null) {
    const current = Buffer.isBuffer(stored.ssnEncrypted) ? cipher.decrypt(stored.ssnEncrypted, memberSsnContext(memberId)) : null;
    if (row.ssn.replace(/[\s-]/g, '') !== current) changes.ssn = row.ssn;
  }
  if (row.address !== null) {
    const current = typeof stored.address === 'string' ? (JSON.parse(stored.address) as Record<string, string | undefined>) : {};
    const same = (['line1', 'line2', 'city', 'state', 'zip'] as const).every((k) => sameText(row.address?.[k] ?? '', current[k] ?? ''));
    if (!same) changes.address = row.address;
  }
  if (Object.keys(changes).length === 0) return null;
  return {
    kind: 'update_demographics',
    request: { memberId, changes, effectiveDate: row.effectiveDate ?? today, correction: row.reason === correctionReason },
  };
}

/** What the user typed into which column, for a request field the schema refuses. */
const fieldColumns: Record<string, string> = {
  ...memberFieldLabels,
  line1: 'Address line 1',
  line2: 'Address line 2',
  effectiveDate: 'Effective date',
  enrollmentReason: 'Reason',
  reason: 'Reason',
  requestedDate: 'Termination date',
  kind: 'Reason',
  date: 'Effective date',
  subscriberId: 'Family key',
};

/** The column a request path points at (`request.subscriber.address.zip` → ZIP). */
export function columnOfPath(path: readonly PropertyKey[]): string | null {
  for (const key of [...path].reverse()) if (typeof key === 'string' && key in fieldColumns) return fieldColumns[key] ?? null;
  return null;
}
