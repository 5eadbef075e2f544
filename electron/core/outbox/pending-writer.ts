import type { Database } from 'better-sqlite3';
import type { MemberRecord } from '@shared/sandbox/types';
import type { FieldCipher } from '../store/field-cipher';
import {
  deleteCoveragePeriods,
  deleteMembers,
  editableMemberFields,
  insertCoveragePeriod,
  insertMember,
  periodsRunningAfter,
  readEditableValues,
  setCoverageEnd,
  writeEditableValues,
  type StoredMemberValues,
} from '../store/members/members-repository';
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
    for (const p of periodsRunningAfter(this.db, memberRef, endDate)) {
      this.undo.coverageEnds.push(p);
      setCoverageEnd(this.db, p.id, endDate);
    }
    this.updateMember(memberId, { terminationDate: endDate });
  }

  addCoverage(memberRef: number, period: { planCode: string; tier: string; startDate: string; endDate: string | null; reason: string }): void {
    this.undo.addedCoverage.push(insertCoveragePeriod(this.db, memberRef, this.groupNumber, period));
  }

  /**
   * A member the plan has not numbered yet (`NEW-…`), with version 0: no plan version exists. The
   * employee class and the address link are not part of the sandbox's MemberRecord (its data set has
   * neither), hence their own argument.
   */
  insertProvisional(member: MemberRecord, local: { disabled: boolean; employeeClass?: string | null; sameAddressAsSubscriber?: boolean }): void {
    insertMember(this.db, this.cipher, this.groupNumber, member, this.now, { version: 0, pendingSync: true, ...local });
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
  deleteCoveragePeriods(db, undo.addedCoverage);
  for (const p of undo.coverageEnds) setCoverageEnd(db, p.id, p.endDate);
  for (const saved of undo.members) {
    const { memberId, ...fields } = saved;
    const values: MemberValues = { ...fields, ssnEncrypted: typeof fields.ssnEncrypted === 'string' ? Buffer.from(fields.ssnEncrypted, 'base64') : null };
    writeEditableValues(db, memberId, values, otherOpenChange(db, memberId, outboxId));
  }
  return undo.members.map((m) => m.memberId);
}
