import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '@shared/sandbox/types';
import type { FieldCipher } from '../store/field-cipher';
import { insertMember } from '../store/members/member-writes';
import { statement } from '../store/statements';

/** Member columns a pending change may write, by field name; SQL is built only from these constants. */
const memberFields = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  suffix: 'suffix',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  ssnEncrypted: 'ssn_encrypted',
  ssnLast4: 'ssn_last4',
  address: 'address',
  phone: 'phone',
  email: 'email',
  hireDate: 'hire_date',
  employmentStatus: 'employment_status',
  employeeClass: 'employee_class',
  disabled: 'disabled',
  planCode: 'plan_code',
  tier: 'tier',
  effectiveDate: 'effective_date',
  terminationDate: 'termination_date',
  version: 'version',
  updatedAt: 'updated_at',
} as const;
type MemberField = keyof typeof memberFields;
/** Values as SQLite holds them (address as JSON text, the SSN as its encrypted BLOB). */
export type MemberValues = Partial<Record<MemberField, string | number | Buffer | null>>;

/** A member row as it was, JSON-safe (the encrypted SSN as base64: still ciphertext). */
type SavedMember = { memberId: string } & Record<MemberField, string | number | null>;

/**
 * How to take a pending local change back (transactions cancelled or rejected): the rows of the
 * existing members it changed as they were, the coverage end dates it moved, the coverage periods it
 * added and the provisional members it created. Stored as the outbox row's `undo`.
 */
export interface UndoSnapshot {
  members: SavedMember[];
  coverageEnds: { id: number; endDate: string | null }[];
  addedCoverage: number[];
  provisional: string[];
}

export const emptyUndo = (): UndoSnapshot => ({ members: [], coverageEnds: [], addedCoverage: [], provisional: [] });

const savedColumns = Object.values(memberFields).join(', ');

/**
 * Writes one transaction's pending local change, remembering what it replaced. Every member it
 * writes is marked pending_sync. Runs inside the caller's SQLite transaction; the FTS index and the
 * tallies follow through the members' triggers (migrations 0002, 0003).
 */
export class PendingWriter {
  readonly undo: UndoSnapshot = emptyUndo();
  private readonly saved = new Set<string>();
  readonly pending = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
    private readonly groupNumber: string,
    private readonly now: string,
  ) {}

  updateMember(memberId: string, values: MemberValues): void {
    this.save(memberId);
    writeMember(this.db, memberId, { ...values, updatedAt: this.now }, 1);
    this.pending.add(memberId);
  }

  /** Ends the member's coverage on `endDate`: every period still running then ends that day. */
  endCoverage(memberId: string, memberRef: number, endDate: string): void {
    const periods = statement(
      this.db,
      `SELECT id, end_date AS endDate FROM coverage_periods WHERE member_ref = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)`,
    ).all(memberRef, endDate, endDate) as { id: number; endDate: string | null }[];
    for (const p of periods) {
      this.undo.coverageEnds.push(p);
      statement(this.db, 'UPDATE coverage_periods SET end_date = ? WHERE id = ?').run(endDate, p.id);
    }
    this.updateMember(memberId, { terminationDate: endDate });
  }

  addCoverage(memberRef: number, period: { planCode: string; tier: string; startDate: string; endDate: string | null; reason: string }): void {
    const info = statement(
      this.db,
      'INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(memberRef, this.groupNumber, period.planCode, period.tier, period.startDate, period.endDate, period.reason);
    this.undo.addedCoverage.push(Number(info.lastInsertRowid));
  }

  /**
   * A member the plan has not numbered yet (`NEW-…`), with version 0: no plan version exists. The
   * employee class is not part of the sandbox's MemberRecord (its data set has none), hence its own argument.
   */
  insertProvisional(member: MemberRecord, disabled: boolean, employeeClass: string | null = null): void {
    insertMember(this.db, this.cipher, this.groupNumber, member, this.now);
    statement(this.db, 'UPDATE members SET pending_sync = 1, version = 0, disabled = ?, employee_class = ? WHERE member_id = ?').run(
      disabled ? 1 : 0,
      employeeClass,
      member.memberId,
    );
    this.undo.provisional.push(member.memberId);
    this.pending.add(member.memberId);
  }

  private save(memberId: string): void {
    if (this.saved.has(memberId)) return;
    this.saved.add(memberId);
    const row = statement(this.db, `SELECT member_id, ${savedColumns} FROM members WHERE member_id = ?`).get(memberId) as Record<string, unknown> | undefined;
    if (row === undefined) throw new Error('A pending change named a member that is not in the replica');
    const member = { memberId } as SavedMember;
    for (const [field, column] of Object.entries(memberFields) as [MemberField, string][]) {
      const value = row[column];
      member[field] = Buffer.isBuffer(value) ? value.toString('base64') : (value as string | number | null);
    }
    this.undo.members.push(member);
  }
}

function writeMember(db: Database, memberId: string, values: MemberValues, pendingSync: 0 | 1): void {
  const fields = (Object.keys(values) as MemberField[]).filter((f) => f in memberFields);
  const assignments = fields.map((f) => `${memberFields[f]} = @${f}`).join(', ');
  statement(db, `UPDATE members SET ${assignments}, pending_sync = @pendingSync WHERE member_id = @memberId`).run({ ...values, pendingSync, memberId });
}

/**
 * Takes a pending change back: provisional members deleted (their coverage with them), added
 * coverage deleted, end dates and member rows put back. A member stays marked pending only while
 * another open transaction (not this one) changes it.
 */
export function restoreUndo(db: Database, undo: UndoSnapshot, outboxId: number): string[] {
  const deleteMember = statement(db, 'DELETE FROM members WHERE member_id = ?');
  for (const memberId of undo.provisional) deleteMember.run(memberId);
  const deleteCoverage = statement(db, 'DELETE FROM coverage_periods WHERE id = ?');
  for (const id of undo.addedCoverage) deleteCoverage.run(id);
  const setEnd = statement(db, 'UPDATE coverage_periods SET end_date = ? WHERE id = ?');
  for (const p of undo.coverageEnds) setEnd.run(p.endDate, p.id);
  for (const saved of undo.members) {
    const { memberId, ...fields } = saved;
    const values: MemberValues = { ...fields, ssnEncrypted: typeof fields.ssnEncrypted === 'string' ? Buffer.from(fields.ssnEncrypted, 'base64') : null };
    writeMember(db, memberId, values, otherOpenChange(db, memberId, outboxId) ? 1 : 0);
  }
  return undo.members.map((m) => m.memberId);
}

/** Whether an open transaction other than `outboxId` changes this member. */
export function otherOpenChange(db: Database, memberId: string, outboxId: number): boolean {
  return (
    statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM outbox_members om JOIN outbox o ON o.id = om.outbox_ref
       WHERE om.member_id = ? AND o.id <> ? AND o.status IN ('queued', 'sent') AND o.kind <> 'id_cards')`,
    )
      .pluck()
      .get(memberId, outboxId) === 1
  );
}
