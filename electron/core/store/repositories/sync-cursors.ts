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
