import { ContractFailure } from '@shared/contract';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';
import { batchRows } from '../../outbox/outbox-repository';
import { findBatch } from '../../store/repositories/batches-repository';
import { cancelTransaction } from './cancel-transaction';
import type { QueueEnv } from './queue-change';

/** Statuses that mean the transaction left this computer: only the plan's answer settles it now. */
const sentStatuses: readonly TransactionStatus[] = ['sent', 'accepted', 'rejected', 'corrected'];

export interface BatchCancelled {
  cancelled: number;
  alreadySent: number;
  rosterChanged: boolean;
}

/**
 * "Cancel the rest of this batch": every transaction of the batch still queued is cancelled exactly
 * as a single cancel does (its undo record restores the roster), all in one SQLite transaction.
 * Newest first, so each undo restores the rows as the one before it left them.
 */
export function cancelBatch(env: QueueEnv, groupNumber: string, batchId: number): BatchCancelled {
  const { db } = env.store;
  return db.transaction(() => {
    if (findBatch(db, groupNumber, batchId) === null) throw new ContractFailure('NOT_FOUND', `There is no batch #${batchId} in group ${groupNumber}.`, { batchId: 'Not found' });
    const rows = batchRows(db, batchId);
    let cancelled = 0;
    let rosterChanged = false;
    for (const row of [...rows].reverse()) {
      if (row.status !== 'queued') continue;
      rosterChanged = cancelTransaction(env, groupNumber, row.id).rosterChanged || rosterChanged;
      cancelled += 1;
    }
    return { cancelled, alreadySent: rows.filter((r) => sentStatuses.includes(r.status)).length, rosterChanged };
  })();
}
