import type { Database } from 'better-sqlite3';
import { ContractFailure, type ContractError } from '@shared/contract';
import type { ActivityItem, TransactionStatus } from '@shared/contract/schemas/transaction';
import type { TransactionKind } from '@shared/plan-api/eligibility';
import { fieldContext } from '../store/field-cipher';
import { statement } from '../store/statements';
import type { EditableMemberField } from '../store/members/members-repository';

/**
 * The outbox's one owner: every query of `outbox` and `outbox_members` is here. The delivery (push
 * and the plan's answers), the transactions module and Activity call these functions.
 */

export interface OutboxRecord {
  id: number;
  idempotency_key: string;
  group_number: string;
  kind: TransactionKind;
  member_id: string | null;
  payload: string;
  secrets_encrypted: Buffer | null;
  status: TransactionStatus;
  attempts: number;
  error: string | null;
  confirmation_number: string | null;
  summary: string;
  undo: string;
  replaced_by: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  resolved_at: string | null;
  /** The bulk action or file import it was queued with, if any. */
  batch_ref: number | null;
}

/** A payment submit's row: its payload is the plan's payment request, which names the bank account by ID only. */
export interface PaymentOutboxRecord extends Omit<OutboxRecord, 'kind' | 'status'> {
  kind: 'payment';
  status: TransactionStatus | 'needs_new_date';
}

/** A member row as it was, JSON-safe (the encrypted SSN as base64: still ciphertext). */
export type SavedMember = { memberId: string } & Record<EditableMemberField, string | number | null>;

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

/** Queued or sent: the plan has not answered yet. */
export const openStatuses: readonly TransactionStatus[] = ['queued', 'sent'];

/**
 * An eligibility transaction's row. The outbox also carries payment submits (kind `payment`,
 * payment-outbox-rows.ts), which are Bill Pay's and never Activity's: every query here but the
 * delivery's and the counts leaves them out.
 */
export function findOutboxRow(db: Database, id: number): OutboxRecord | null {
  return (statement(db, `SELECT * FROM outbox WHERE id = ? AND kind <> 'payment'`).get(id) as OutboxRecord | undefined) ?? null;
}

/** The row of this group, or NOT_FOUND (another group's transaction is not this screen's to see). */
export function requireOutboxRow(db: Database, groupNumber: string, id: number, field = 'id'): OutboxRecord {
  const row = findOutboxRow(db, id);
  if (row === null || row.group_number !== groupNumber) throw new ContractFailure('NOT_FOUND', `There is no transaction #${id} in group ${groupNumber}.`, { [field]: 'Not found' });
  return row;
}

export const undoOf = (row: OutboxRecord): UndoSnapshot => JSON.parse(row.undo) as UndoSnapshot;

export function outboxMemberIds(db: Database, id: number): string[] {
  // Subscribers' IDs sort before their dependents' (`123456789` < `123456789-01`), provisional ones last.
  return statement(db, `SELECT member_id FROM outbox_members WHERE outbox_ref = ? ORDER BY member_id LIKE 'NEW-%', member_id`).pluck().all(id) as string[];
}

export function setOutboxMembers(db: Database, id: number, memberIds: readonly string[]): void {
  statement(db, 'DELETE FROM outbox_members WHERE outbox_ref = ?').run(id);
  const insert = statement(db, 'INSERT OR IGNORE INTO outbox_members (outbox_ref, member_id) VALUES (?, ?)');
  for (const memberId of memberIds) insert.run(id, memberId);
}

export function linkedDraftId(db: Database, id: number): number | null {
  return (statement(db, 'SELECT id FROM wizard_drafts WHERE outbox_ref = ? ORDER BY id LIMIT 1').pluck().get(id) as number | undefined) ?? null;
}

/** The rejected transaction that `id` was resent to correct, if any. */
function correctedBy(db: Database, id: number): number | null {
  return (statement(db, `SELECT id FROM outbox WHERE replaced_by = ? AND kind <> 'payment'`).pluck().get(id) as number | undefined) ?? null;
}

export function toActivityItem(db: Database, row: OutboxRecord): ActivityItem {
  return {
    id: row.id,
    groupNumber: row.group_number,
    kind: row.kind,
    status: row.status,
    summary: row.summary,
    memberIds: outboxMemberIds(db, row.id),
    confirmationNumber: row.confirmation_number,
    error: row.error === null ? null : (JSON.parse(row.error) as ContractError),
    attempts: row.attempts,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    resolvedAt: row.resolved_at,
    draftId: linkedDraftId(db, row.id),
    replacedBy: row.replaced_by,
    replaces: correctedBy(db, row.id),
    hasDocument: row.kind === 'id_cards',
    batch: row.batch_ref === null ? null : batchOf(db, row.batch_ref),
  };
}

function batchOf(db: Database, batchId: number): { id: number; label: string } {
  return statement(db, 'SELECT id, label FROM batches WHERE id = ?').get(batchId) as { id: number; label: string };
}

/** Puts queued transactions in a batch (a bulk action, a confirmed file import). */
export function tagBatch(db: Database, ids: readonly number[], batchId: number): void {
  const update = statement(db, 'UPDATE outbox SET batch_ref = ? WHERE id = ?');
  for (const id of ids) update.run(batchId, id);
}

/** A batch's transactions with their status, oldest first. */
export function batchRows(db: Database, batchId: number): { id: number; status: TransactionStatus }[] {
  return statement(db, `SELECT id, status FROM outbox WHERE batch_ref = ? AND kind <> 'payment' ORDER BY id`).all(batchId) as { id: number; status: TransactionStatus }[];
}

/** The associated data of a row's encrypted input: its idempotency key, known before the row is inserted. */
export const outboxSecretsContext = (idempotencyKey: string): string => fieldContext('outbox', 'secrets_encrypted', idempotencyKey);

/** A new queued transaction; returns its id. Its pending change and undo follow in the same SQLite transaction. */
export function insertOutboxRow(
  db: Database,
  row: { idempotencyKey: string; groupNumber: string; kind: TransactionKind; memberId: string | null; payload: string; secretsEncrypted: Buffer | null; summary: string; createdBy: string; now: string },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO outbox (idempotency_key, group_number, kind, member_id, payload, secrets_encrypted, status, summary, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING id`,
    )
      .pluck()
      .get(row.idempotencyKey, row.groupNumber, row.kind, row.memberId, row.payload, row.secretsEncrypted, row.summary, row.createdBy, row.now, row.now),
  );
}

export function saveUndo(db: Database, id: number, undo: UndoSnapshot): void {
  statement(db, 'UPDATE outbox SET undo = ? WHERE id = ?').run(JSON.stringify(undo), id);
}

/** A rejected transaction resent as `replacedBy`. */
export function markCorrected(db: Database, id: number, replacedBy: number, now: string): void {
  statement(db, `UPDATE outbox SET status = 'corrected', replaced_by = ?, updated_at = ? WHERE id = ?`).run(replacedBy, now, id);
}

/** The rejected transaction whose input this draft holds, if any. */
export function rejectedBehindDraft(db: Database, draftId: number): number | undefined {
  return statement(db, `SELECT o.id FROM wizard_drafts d JOIN outbox o ON o.id = d.outbox_ref WHERE d.id = ? AND o.status = 'rejected'`).pluck().get(draftId) as number | undefined;
}

/** Withdraws a queued transaction whose local change was undone. */
export function markCancelled(db: Database, id: number, now: string): void {
  statement(db, `UPDATE outbox SET status = 'cancelled', undo = '{}', secrets_encrypted = NULL, resolved_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
}

/** Gives up on a rejected transaction (resolved when the plan refused it). */
export function markRejectionWithdrawn(db: Database, id: number, now: string): void {
  statement(db, `UPDATE outbox SET status = 'cancelled', secrets_encrypted = NULL, updated_at = ? WHERE id = ?`).run(now, id);
}

/** The open transaction (not an ID-card request) that changes this member, if any. */
export function openChangeOf(db: Database, memberId: string): number | undefined {
  return statement(
    db,
    `SELECT o.id FROM outbox_members om JOIN outbox o ON o.id = om.outbox_ref
     WHERE om.member_id = ? AND o.status IN ('queued', 'sent') AND o.kind <> 'id_cards' ORDER BY o.id LIMIT 1`,
  )
    .pluck()
    .get(memberId) as number | undefined;
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

export interface OutboxQuery {
  groupNumber: string;
  statuses: readonly TransactionStatus[] | null;
  memberId: string | null;
  offset: number;
  limit: number;
}

const byGroupAndMember = `group_number = @group AND kind <> 'payment' AND (@member IS NULL OR id IN (SELECT outbox_ref FROM outbox_members WHERE member_id = @member))`;

/** One page of a group's transactions, newest first, with the total and the count of each status (of the group or member, any status). */
export function outboxPage(db: Database, q: OutboxQuery): { rows: OutboxRecord[]; total: number; byStatus: { status: TransactionStatus; n: number }[] } {
  const params = { group: q.groupNumber, member: q.memberId, statuses: q.statuses === null ? null : JSON.stringify(q.statuses) };
  const where = `${byGroupAndMember} AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))`;
  const rows = statement(db, `SELECT * FROM outbox WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as OutboxRecord[];
  const total = Number(statement(db, `SELECT count(*) FROM outbox WHERE ${where}`).pluck().get(params));
  const byStatus = statement(db, `SELECT status, count(*) AS n FROM outbox WHERE ${byGroupAndMember} GROUP BY status`).all({ group: params.group, member: params.member }) as {
    status: TransactionStatus;
    n: number;
  }[];
  return { rows, total, byStatus };
}

/** The oldest row not yet answered (queued, or sent without an answer): a transaction or a payment, sent in the order they were made. */
export function oldestOpenRow(db: Database): OutboxRecord | PaymentOutboxRecord | undefined {
  return statement(db, `SELECT * FROM outbox WHERE status IN ('queued', 'sent') ORDER BY id LIMIT 1`).get() as OutboxRecord | PaymentOutboxRecord | undefined;
}

/** False when the row is no longer open (cancelled meanwhile). */
export function markSentRow(db: Database, id: number, at: string): boolean {
  return statement(db, `UPDATE outbox SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'sent')`).run(at, at, id).changes === 1;
}

export function markAttemptFailedRow(db: Database, id: number, message: string, at: string): void {
  statement(
    db,
    `UPDATE outbox SET status = 'queued', attempts = attempts + 1, last_error = ?, last_attempt_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'sent')`,
  ).run(message, at, at, id);
}

export function markAcceptedRow(db: Database, id: number, confirmationNumber: string, at: string): void {
  statement(
    db,
    `UPDATE outbox SET status = 'accepted', confirmation_number = ?, error = NULL, last_error = NULL, attempts = attempts + 1,
       undo = '{}', secrets_encrypted = NULL, resolved_at = ?, updated_at = ? WHERE id = ?`,
  ).run(confirmationNumber, at, at, id);
}

export function markRejectedRow(db: Database, id: number, error: ContractError, at: string): void {
  statement(db, `UPDATE outbox SET status = 'rejected', error = ?, attempts = attempts + 1, undo = '{}', secrets_encrypted = NULL, resolved_at = ?, updated_at = ? WHERE id = ?`).run(
    JSON.stringify(error),
    at,
    at,
    id,
  );
}

/**
 * For the status bar: transactions and payments waiting for the plan, and those waiting for the
 * user (refusals not yet corrected, payments whose date passed before they could be sent).
 */
export function outboxCounts(db: Database): { pending: number; rejected: number } {
  return statement(db, `SELECT coalesce(sum(status IN ('queued', 'sent')), 0) AS pending, coalesce(sum(status IN ('rejected', 'needs_new_date')), 0) AS rejected FROM outbox`).get() as {
    pending: number;
    rejected: number;
  };
}
