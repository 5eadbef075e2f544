import type { Database } from 'better-sqlite3';
import { ContractFailure, type ContractError } from '@shared/contract';
import type { ActivityItem, TransactionStatus } from '@shared/contract/schemas/transaction';
import type { TransactionKind } from '@shared/plan-api/eligibility';
import { statement } from '../store/statements';
import type { UndoSnapshot } from './pending-writer';

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
}

/** Queued or sent: the plan has not answered yet. */
export const openStatuses: readonly TransactionStatus[] = ['queued', 'sent'];

export function findOutboxRow(db: Database, id: number): OutboxRecord | null {
  return (statement(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRecord | undefined) ?? null;
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
    hasDocument: row.kind === 'id_cards',
  };
}
