import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

/** Records that the group's replica is up to date as of `at` (a sync, or the sandbox seeding). */
export function markReplicated(db: Database, groupNumber: string, at: string): void {
  statement(
    db,
    `INSERT INTO sync_cursors (group_number, synced_at) VALUES (?, ?)
     ON CONFLICT (group_number) DO UPDATE SET synced_at = excluded.synced_at`,
  ).run(groupNumber, at);
}

export function replicatedAt(db: Database, groupNumber: string): string | null {
  const at = statement(db, 'SELECT synced_at FROM sync_cursors WHERE group_number = ?').pluck().get(groupNumber);
  return typeof at === 'string' ? at : null;
}

/** The most recent moment any group was brought up to date, or null before the first. */
export function lastReplicatedAt(db: Database): string | null {
  const at = statement(db, 'SELECT max(synced_at) FROM sync_cursors').pluck().get();
  return typeof at === 'string' ? at : null;
}

/** The group's cursor: the last feed sequence applied (0 before the first page). */
export function feedCursor(db: Database, groupNumber: string): number {
  return Number(statement(db, 'SELECT sequence FROM sync_cursors WHERE group_number = ?').pluck().get(groupNumber) ?? 0);
}

/** A page up to `sequence` was applied at `at`. */
export function advanceCursor(db: Database, groupNumber: string, sequence: number, at: string): void {
  statement(
    db,
    `INSERT INTO sync_cursors (group_number, sequence, synced_at) VALUES (?, ?, ?)
     ON CONFLICT (group_number) DO UPDATE SET sequence = excluded.sequence, synced_at = excluded.synced_at`,
  ).run(groupNumber, sequence, at);
}

/** A group new to the replica starts before its feed's first change. */
export function startCursor(db: Database, groupNumber: string, at: string): void {
  statement(db, 'INSERT INTO sync_cursors (group_number, sequence, synced_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING').run(groupNumber, at);
}

/** The group's feed is applied again from its start (the service's feed restarted). */
export function rewindCursor(db: Database, groupNumber: string): void {
  statement(db, 'UPDATE sync_cursors SET sequence = 0 WHERE group_number = ?').run(groupNumber);
}
