import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import { replicatedAt } from '../../store/repositories/sync-cursors';
import { statement } from '../../store/statements';

/**
 * When the group's local copy was last brought up to date (its last sync, or the sandbox seeding);
 * NOT_FOUND for a group that is not on this computer.
 */
export function groupAsOf(db: Database, groupNumber: string): string {
  const at = replicatedAt(db, groupNumber);
  if (at !== null) return at;
  const updated = statement(db, 'SELECT updated_at FROM groups WHERE group_number = ?').pluck().get(groupNumber);
  if (typeof updated !== 'string') throw new ContractFailure('NOT_FOUND', `There is no group ${groupNumber} on this computer.`);
  return updated;
}
