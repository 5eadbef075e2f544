import { ContractFailure } from '@shared/contract';
import { transactionInput } from '@shared/contract/schemas/transaction';
import { tagBatch } from '../../outbox/outbox-repository';
import { mergeSecrets } from '../../outbox/request-secrets';
import { insertBatch } from '../../store/repositories/batches-repository';
import { importCounts, importTransactions, markImportConfirmed, refuseImportTransaction, requireImport } from '../../store/repositories/imports-repository';
import { actingUserId } from '../transactions/acting-user';
import { changeEnv, queuePlanned, type QueueEnv } from '../transactions/queue-change';
import { planChange } from '../transactions/plan-change';

export interface ImportConfirmed {
  batchId: number;
  queue: number;
  skip: number;
  refuse: number;
  /** Queued outbox rows, in file order. */
  queued: number[];
}

/**
 * Queues the accepted members of a checked file as ordinary transactions, all in one SQLite
 * transaction and one batch. Each is planned again by the same rules, because the roster may have
 * changed since the check: one refused now is recorded as refused with the rule's reason, not queued.
 */
export function confirmImport(env: QueueEnv, groupNumber: string, importId: number): ImportConfirmed {
  const { db, cipher } = env.store;
  return db.transaction(() => {
    const checked = requireImport(db, groupNumber, importId);
    if (checked.batch_ref !== null) {
      throw new ContractFailure('CONFLICT', `This file was already confirmed (batch #${checked.batch_ref}): its changes are in Activity.`, { importId: 'Already confirmed' });
    }
    const cenv = changeEnv(env, groupNumber);
    const queued: number[] = [];
    for (const t of importTransactions(db, importId)) {
      const secrets = t.secretsEncrypted === null ? {} : (JSON.parse(cipher.decrypt(t.secretsEncrypted)) as Record<string, string>);
      const input = transactionInput.parse(mergeSecrets(JSON.parse(t.request) as unknown, secrets));
      try {
        queued.push(queuePlanned(env, groupNumber, planChange(cenv, input)).id);
      } catch (error) {
        if (!(error instanceof ContractFailure)) throw error;
        refuseImportTransaction(db, importId, t.transactionNo, error.message);
      }
    }
    const batchId = insertBatch(db, { groupNumber, kind: 'import', label: `File import: ${checked.file_name}`, createdBy: actingUserId(db), now: env.now });
    tagBatch(db, queued, batchId);
    markImportConfirmed(db, importId, batchId, env.now);
    return { batchId, ...importCounts(db, importId), queued };
  })();
}
