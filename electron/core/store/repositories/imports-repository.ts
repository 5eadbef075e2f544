import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { ImportItem } from '@shared/contract/methods/roster-import';
import { statement } from '../statements';

/** Owner of `imports` and `import_items`: checked files and what the check said of each member. */

export interface ImportRecord {
  id: number;
  group_number: string;
  file_name: string;
  format: 'x12-834' | 'csv' | 'xlsx';
  batch_ref: number | null;
  created_by: string;
  created_at: string;
  confirmed_at: string | null;
}

/** One member's outcome; the transaction to queue rides on the first member it covers. */
export interface StoredImportItem extends ImportItem {
  position: number;
  /** Members queued by one transaction (an enrollment with its dependents) share it. */
  transactionNo: number | null;
  /** The transaction input with SSNs masked, on the first member of its transaction. */
  request: string | null;
  secretsEncrypted: Buffer | null;
}

export function insertImport(db: Database, row: { groupNumber: string; fileName: string; format: ImportRecord['format']; createdBy: string; now: string }): number {
  return Number(
    statement(db, `INSERT INTO imports (group_number, file_name, format, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(row.groupNumber, row.fileName, row.format, row.createdBy, row.now),
  );
}

/**
 * Checks never confirmed, made before `before`: a check is confirmed soon or checked again, and an
 * abandoned one should not keep its members' encrypted SSNs. Their items go with them (cascade).
 */
export function forgetStaleImports(db: Database, groupNumber: string, before: string): void {
  statement(db, `DELETE FROM imports WHERE group_number = ? AND batch_ref IS NULL AND created_at < ?`).run(groupNumber, before);
}

export function insertImportItems(db: Database, importId: number, items: readonly StoredImportItem[]): void {
  const insert = statement(
    db,
    `INSERT INTO import_items (import_ref, position, location_kind, location_number, member_id, name, action, outcome, reason, transaction_no, request, secrets_encrypted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of items) {
    insert.run(importId, i.position, i.location.kind, i.location.number, i.memberId, i.name, i.action, i.outcome, i.reason, i.transactionNo, i.request, i.secretsEncrypted);
  }
}

/** The import of this group, or NOT_FOUND. */
export function requireImport(db: Database, groupNumber: string, importId: number): ImportRecord {
  const row = statement(db, `SELECT * FROM imports WHERE id = ? AND group_number = ?`).get(importId, groupNumber) as ImportRecord | undefined;
  if (row === undefined) throw new ContractFailure('NOT_FOUND', `There is no checked file #${importId} in group ${groupNumber}. Check the file again.`, { importId: 'Not found' });
  return row;
}

interface ItemRow {
  position: number;
  location_kind: 'line' | 'segment';
  location_number: number;
  member_id: string | null;
  name: string;
  action: ImportItem['action'];
  outcome: ImportItem['outcome'];
  reason: string | null;
  transaction_no: number | null;
  request: string | null;
  secrets_encrypted: Buffer | null;
}

const toItem = (r: ItemRow): ImportItem => ({
  location: { kind: r.location_kind, number: r.location_number },
  memberId: r.member_id,
  name: r.name,
  action: r.action,
  outcome: r.outcome,
  reason: r.reason,
});

/** One page in file order, optionally one outcome only, with the count of that selection. */
export function importItemsPage(db: Database, importId: number, outcome: ImportItem['outcome'] | null, offset: number, limit: number): { total: number; items: ImportItem[] } {
  const where = `import_ref = @importId AND (@outcome IS NULL OR outcome = @outcome)`;
  const rows = statement(db, `SELECT * FROM import_items WHERE ${where} ORDER BY position LIMIT @limit OFFSET @offset`).all({ importId, outcome, limit, offset }) as ItemRow[];
  const total = Number(statement(db, `SELECT count(*) FROM import_items WHERE ${where}`).pluck().get({ importId, outcome }));
  return { total, items: rows.map(toItem) };
}

/**
 * Every item in file order, a page at a time: a report of a large file is never built in memory, and
 * no query stays open while the report's writer waits (an open iterator would make the connection
 * refuse every other call meanwhile).
 */
export function* eachImportItem(db: Database, importId: number, pageSize = 1000): Generator<ImportItem> {
  for (let after = 0; ; ) {
    const rows = statement(db, `SELECT * FROM import_items WHERE import_ref = ? AND position > ? ORDER BY position LIMIT ?`).all(importId, after, pageSize) as ItemRow[];
    yield* rows.map(toItem);
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = last.position;
  }
}

/** The transactions to queue, in file order: the first member of each, carrying its request. */
export function importTransactions(db: Database, importId: number): { transactionNo: number; request: string; secretsEncrypted: Buffer | null }[] {
  const rows = statement(db, `SELECT transaction_no, request, secrets_encrypted FROM import_items WHERE import_ref = ? AND request IS NOT NULL AND outcome = 'queue' ORDER BY position`).all(
    importId,
  ) as { transaction_no: number; request: string; secrets_encrypted: Buffer | null }[];
  return rows.map((r) => ({ transactionNo: r.transaction_no, request: r.request, secretsEncrypted: r.secrets_encrypted }));
}

/** A transaction the rules refuse at confirmation (the roster changed since the check): every member it covers says why. */
export function refuseImportTransaction(db: Database, importId: number, transactionNo: number, reason: string): void {
  statement(db, `UPDATE import_items SET outcome = 'refuse', reason = ? WHERE import_ref = ? AND transaction_no = ?`).run(reason, importId, transactionNo);
}

export function importCounts(db: Database, importId: number): { queue: number; skip: number; refuse: number } {
  return statement(
    db,
    `SELECT coalesce(sum(outcome = 'queue'), 0) AS queue, coalesce(sum(outcome = 'skip'), 0) AS skip, coalesce(sum(outcome = 'refuse'), 0) AS refuse FROM import_items WHERE import_ref = ?`,
  ).get(importId) as { queue: number; skip: number; refuse: number };
}

/** Confirmed as `batchId`: its SSNs now live in the outbox rows, so the import's copies are dropped. */
export function markImportConfirmed(db: Database, importId: number, batchId: number, now: string): void {
  statement(db, `UPDATE imports SET batch_ref = ?, confirmed_at = ? WHERE id = ?`).run(batchId, now, importId);
  statement(db, `UPDATE import_items SET secrets_encrypted = NULL WHERE import_ref = ?`).run(importId);
}
