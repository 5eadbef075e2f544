import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '@shared/sandbox/types';
import type { FieldCipher } from '../store/field-cipher';
import { deleteMembers, editableMemberFields, insertMember, readEditableValues, writeEditableValues, type StoredMemberValues } from '../store/members/members-repository';
import { statement } from '../store/statements';
import { emptyUndo, otherOpenChange, type SavedMember, type UndoSnapshot } from './outbox-repository';

/** Values as SQLite holds them (address as JSON text, the SSN as its encrypted BLOB). */
export type MemberValues = StoredMemberValues;

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
    writeEditableValues(this.db, memberId, { ...values, updatedAt: this.now }, true);
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
    insertMember(this.db, this.cipher, this.groupNumber, member, this.now, { version: 0, pendingSync: true, disabled, employeeClass });
    this.undo.provisional.push(member.memberId);
    this.pending.add(member.memberId);
  }

  private save(memberId: string): void {
    if (this.saved.has(memberId)) return;
    this.saved.add(memberId);
    const row = readEditableValues(this.db, memberId);
    if (row === undefined) throw new Error('A pending change named a member that is not in the replica');
    const member = { memberId } as SavedMember;
    for (const field of editableMemberFields) {
      const value = row[field];
      member[field] = Buffer.isBuffer(value) ? value.toString('base64') : value;
    }
    this.undo.members.push(member);
  }
}

/**
 * Takes a pending change back: provisional members deleted (their coverage with them), added
 * coverage deleted, end dates and member rows put back. A member stays marked pending only while
 * another open transaction (not this one) changes it.
 */
export function restoreUndo(db: Database, undo: UndoSnapshot, outboxId: number): string[] {
  deleteMembers(db, undo.provisional);
  const deleteCoverage = statement(db, 'DELETE FROM coverage_periods WHERE id = ?');
  for (const id of undo.addedCoverage) deleteCoverage.run(id);
  const setEnd = statement(db, 'UPDATE coverage_periods SET end_date = ? WHERE id = ?');
  for (const p of undo.coverageEnds) setEnd.run(p.endDate, p.id);
  for (const saved of undo.members) {
    const { memberId, ...fields } = saved;
    const values: MemberValues = { ...fields, ssnEncrypted: typeof fields.ssnEncrypted === 'string' ? Buffer.from(fields.ssnEncrypted, 'base64') : null };
    writeEditableValues(db, memberId, values, otherOpenChange(db, memberId, outboxId));
  }
  return undo.members.map((m) => m.memberId);
}
