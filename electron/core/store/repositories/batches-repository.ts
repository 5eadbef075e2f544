import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

/** Owner of `batches`: one bulk action or one confirmed file import, whose outbox rows carry its id. */

export type BatchKind = 'import' | 'bulk';

export interface BatchRecord {
  id: number;
  group_number: string;
  kind: BatchKind;
  label: string;
  created_by: string;
  created_at: string;
}

export function insertBatch(db: Database, row: { groupNumber: string; kind: BatchKind; label: string; createdBy: string; now: string }): number {
  return Number(
    statement(db, `INSERT INTO batches (group_number, kind, label, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(row.groupNumber, row.kind, row.label, row.createdBy, row.now),
  );
}

export function findBatch(db: Database, groupNumber: string, id: number): BatchRecord | null {
  return (statement(db, `SELECT * FROM batches WHERE id = ? AND group_number = ?`).get(id, groupNumber) as BatchRecord | undefined) ?? null;
}
