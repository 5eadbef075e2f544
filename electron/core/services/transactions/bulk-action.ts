import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import type { BulkOutcome, bulkAction } from '@shared/contract/schemas/transaction';
import { memberStatusOn } from '@shared/domain/member-status';
import { bulkAddress } from './bulk-address';
import { insertBatch } from '../../store/repositories/batches-repository';
import { tagBatch } from '../../outbox/outbox-repository';
import { actingUserId } from './acting-user';
import { fullName } from './change-plan';
import { planIdCards } from './id-cards-change';
import { findReplicaMember, type ReplicaMember } from './local-replica';
import { changeEnv, queuePlanned, type QueueEnv } from './queue-change';
import { planTerminate } from './terminate-change';

type ParsedBulkAction = z.output<typeof bulkAction>;

export interface BulkResult {
  dryRun: boolean;
  items: BulkOutcome[];
  queued: number[];
}

/** Thrown to roll a dry run back after it did everything a real run does. */
class DryRunFinished extends Error {
  constructor(readonly result: BulkResult) {
    super('dry run');
  }
}

/**
 * One action over many members. A dry run performs the real run inside the SQLite transaction and
 * rolls it back, so its outcomes are exactly what queuing would do (each termination sees the ones
 * before it). A real run queues the members that pass and reports the rest; all in one commit.
 */
export function runBulkAction(env: QueueEnv, groupNumber: string, action: ParsedBulkAction, dryRun: boolean): BulkResult {
  try {
    return env.store.db.transaction(() => {
      const result =
        action.kind === 'terminate' ? bulkTerminate(env, groupNumber, action) : action.kind === 'address' ? bulkAddress(env, groupNumber, action) : bulkIdCards(env, groupNumber, action);
      if (dryRun) throw new DryRunFinished({ items: result.items, queued: [], dryRun: true });
      if (result.queued.length > 0) {
        const batchId = insertBatch(env.store.db, { groupNumber, kind: 'bulk', label: bulkLabel(action, result.items.filter((i) => i.outcome === 'ok').length), createdBy: actingUserId(env.store.db), now: env.now });
        tagBatch(env.store.db, result.queued, batchId);
      }
      return { ...result, dryRun: false };
    })();
  } catch (error) {
    if (error instanceof DryRunFinished) return error.result;
    throw error;
  }
}

/** How Activity names the batch: what was done, to how many members. */
function bulkLabel(action: ParsedBulkAction, members: number): string {
  const counted = `${members} member${members === 1 ? '' : 's'}`;
  return action.kind === 'id_cards' ? `ID cards for ${counted}` : `Bulk termination of ${counted}`;
}

const outcome = (memberId: string, member: ReplicaMember | null, result: BulkOutcome['outcome'], message: string | null, coverageEnds: string | null = null): BulkOutcome => ({
  memberId,
  name: member === null ? '' : fullName(member),
  outcome: result,
  message,
  coverageEnds,
});

function bulkTerminate(env: QueueEnv, groupNumber: string, action: Extract<ParsedBulkAction, { kind: 'terminate' }>): Omit<BulkResult, 'dryRun'> {
  const cenv = changeEnv(env, groupNumber);
  const ids = [...new Set(action.memberIds)];
  const members = new Map(ids.map((id) => [id, findReplicaMember(env.store.db, groupNumber, id)]));
  const results = new Map<string, BulkOutcome>();
  const queued: number[] = [];
  const endedSubscribers = new Map<string, string>();
  const familiesChanged = new Set<string>();
  // Subscribers first: their dependents in the selection end with them.
  const order = [...ids].sort((a, b) => Number(members.get(b)?.relationship === 'subscriber') - Number(members.get(a)?.relationship === 'subscriber'));
  for (const id of order) {
    const m = members.get(id) ?? null;
    if (m === null) {
      results.set(id, outcome(id, null, 'problem', `Not a member of group ${groupNumber}.`));
      continue;
    }
    const subscriberEnd = endedSubscribers.get(m.subscriberId);
    if (subscriberEnd !== undefined) {
      results.set(id, outcome(id, m, 'skipped', `Ends with employee ${m.subscriberId}.`, subscriberEnd));
      continue;
    }
    if (m.terminationDate !== null) {
      results.set(id, outcome(id, m, 'skipped', `Already terminated: coverage ends ${m.terminationDate}.`, m.terminationDate));
      continue;
    }
    if (familiesChanged.has(m.subscriberId)) {
      results.set(id, outcome(id, m, 'problem', 'Another member of this family is terminated in this selection: terminate this one after the plan accepts that change.'));
      continue;
    }
    try {
      const planned = planTerminate(cenv, { memberId: id, reason: action.reason, requestedDate: action.requestedDate });
      queued.push(queuePlanned(env, groupNumber, planned).id);
      familiesChanged.add(m.subscriberId);
      if (m.relationship === 'subscriber') endedSubscribers.set(m.memberId, planned.coverageEnds);
      const n = planned.endingWith.length;
      results.set(id, outcome(id, m, 'ok', n === 0 ? null : `${n} dependent${n === 1 ? '' : 's'} end${n === 1 ? 's' : ''} with them.`, planned.coverageEnds));
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      results.set(id, outcome(id, m, 'problem', error.message));
    }
  }
  return { items: ids.map((id) => results.get(id) as BulkOutcome), queued };
}

function bulkIdCards(env: QueueEnv, groupNumber: string, action: Extract<ParsedBulkAction, { kind: 'id_cards' }>): Omit<BulkResult, 'dryRun'> {
  const ids = [...new Set(action.memberIds)];
  const items = ids.map((id) => {
    const m = findReplicaMember(env.store.db, groupNumber, id);
    if (m === null) return outcome(id, null, 'problem', `Not a member of group ${groupNumber}.`);
    if (memberStatusOn(m.effectiveDate, m.terminationDate, env.today) === 'terminated') {
      return outcome(id, m, 'problem', `Coverage ended ${m.terminationDate ?? ''}: cards are issued only to covered members.`);
    }
    return outcome(id, m, 'ok', null);
  });
  const covered = items.filter((i) => i.outcome === 'ok').map((i) => i.memberId);
  if (covered.length === 0) return { items, queued: [] };
  const planned = planIdCards(changeEnv(env, groupNumber), { memberIds: covered, reason: action.reason, shipTo: action.shipTo });
  return { items, queued: [queuePlanned(env, groupNumber, planned).id] };
}
