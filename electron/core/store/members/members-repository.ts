import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '@shared/sandbox/types';
import { nameSortKey } from '@shared/util/name-sort-key';
import type { FieldCipher } from '../field-cipher';
import { statement } from '../statements';
import { writeNewMembers } from './member-bulk-writer';
import { memberColumns, memberFromRecord, type MemberField } from './member-row';

/**
 * The single-row writes of `members` and `coverage_periods`. Inserts of any size go through member-bulk-writer.ts,
 * remote rows through remote-members.ts; the screens read with queries of their own.
 */

/** Inserts one member of the sandbox's data set with its coverage history (tests). Runs inside the caller's transaction. */
export function insertMember(db: Database, cipher: FieldCipher, groupNumber: string, member: MemberRecord, now: string, local?: Parameters<typeof memberFromRecord>[3]): number {
  return writeNewMembers({ db, cipher }, [memberFromRecord(member, groupNumber, now, local)], { bulk: false }).firstRef;
}

/** The fields a pending local change may write and a cancel or rejection puts back. */
export const editableMemberFields = [
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'dateOfBirth',
  'gender',
  'ssnEncrypted',
  'ssnLast4',
  'address',
  'phone',
  'email',
  'hireDate',
  'employmentStatus',
  'employeeClass',
  'disabled',
  'sameAddressAsSubscriber',
  'planCode',
  'tier',
  'effectiveDate',
  'terminationDate',
  'version',
  'updatedAt',
] as const satisfies readonly MemberField[];
export type EditableMemberField = (typeof editableMemberFields)[number];

/** Values as SQLite holds them (address as JSON text, the SSN as its encrypted BLOB). */
export type StoredMemberValues = Partial<Record<EditableMemberField, string | number | Buffer | null>>;

const editableColumns = editableMemberFields.map((f) => memberColumns[f]).join(', ');

/** The member's editable values as stored, or undefined when it is not in the replica. */
export function readEditableValues(db: Database, memberId: string): Record<EditableMemberField, string | number | Buffer | null> | undefined {
  const row = statement(db, `SELECT ${editableColumns} FROM members WHERE member_id = ?`).get(memberId) as Record<string, string | number | Buffer | null> | undefined;
  if (row === undefined) return undefined;
  return Object.fromEntries(editableMemberFields.map((f) => [f, row[memberColumns[f]] ?? null])) as Record<EditableMemberField, string | number | Buffer | null>;
}

/** A name and the sort key written with it. */
const sortKeyOf = [
  ['lastName', 'lastNameKey'],
  ['firstName', 'firstNameKey'],
] as const;

/**
 * Writes these stored values and the pending flag; a name changed here gets its sort key too, so the
 * roster files it where it now belongs. SQL is built only from the column table's constants.
 */
export function writeEditableValues(db: Database, memberId: string, values: StoredMemberValues, pendingSync: boolean): void {
  const fields = (Object.keys(values) as EditableMemberField[]).filter((f) => (editableMemberFields as readonly string[]).includes(f));
  const keys = sortKeyOf.filter(([name]) => fields.includes(name));
  const assignments = [...fields.map((f) => `${memberColumns[f]} = @${f}`), ...keys.map(([, key]) => `${memberColumns[key]} = @${key}`), 'pending_sync = @pendingSync'].join(', ');
  statement(db, `UPDATE members SET ${assignments} WHERE member_id = @memberId`).run({
    ...Object.fromEntries(fields.map((f) => [f, values[f]])),
    ...Object.fromEntries(keys.map(([name, key]) => [key, nameSortKey(String(values[name] ?? ''))])),
    pendingSync: pendingSync ? 1 : 0,
    memberId,
  });
}

/** Deletes members (their coverage cascades): provisional members of a settled or withdrawn change. */
export function deleteMembers(db: Database, memberIds: readonly string[]): void {
  const remove = statement(db, 'DELETE FROM members WHERE member_id = ?');
  for (const memberId of memberIds) remove.run(memberId);
}

/** The plan answered the change that made this member pending. */
export function clearPendingFlag(db: Database, memberId: string): void {
  statement(db, 'UPDATE members SET pending_sync = 0 WHERE member_id = ? AND pending_sync = 1').run(memberId);
}

/** Forgets a group's members and held remote rows, so its feed is applied again from the start. */
export function forgetGroupMembers(db: Database, groupNumber: string): void {
  statement(db, 'DELETE FROM members WHERE group_number = ?').run(groupNumber);
  statement(db, 'DELETE FROM remote_pending WHERE group_number = ?').run(groupNumber);
}

/** The member's coverage periods that started by `date` and still run after it. */
export function periodsRunningAfter(db: Database, memberRef: number, date: string): { id: number; endDate: string | null }[] {
  return statement(db, `SELECT id, end_date AS endDate FROM coverage_periods WHERE member_ref = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)`).all(
    memberRef,
    date,
    date,
  ) as { id: number; endDate: string | null }[];
}

export function setCoverageEnd(db: Database, periodId: number, endDate: string | null): void {
  statement(db, 'UPDATE coverage_periods SET end_date = ? WHERE id = ?').run(endDate, periodId);
}

/** A period added by a pending local change (no plan id yet); returns its id. */
export function insertCoveragePeriod(db: Database, memberRef: number, groupNumber: string, period: { planCode: string; tier: string; startDate: string; endDate: string | null; reason: string }): number {
  const info = statement(db, 'INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    memberRef,
    groupNumber,
    period.planCode,
    period.tier,
    period.startDate,
    period.endDate,
    period.reason,
  );
  return Number(info.lastInsertRowid);
}

export function deleteCoveragePeriods(db: Database, periodIds: readonly number[]): void {
  const remove = statement(db, 'DELETE FROM coverage_periods WHERE id = ?');
  for (const id of periodIds) remove.run(id);
}
