import { randomUUID } from 'node:crypto';
import { ContractFailure } from '@shared/contract';
import type { ParsedTransactionInput } from '@shared/contract/schemas/transaction';
import { draftGroup, linkDraft, moveDrafts } from '../../store/repositories/drafts-repository';
import type { Store } from '../../store/store';
import { actingUserId } from './acting-user';
import type { ChangeEnv, PlannedChange } from './change-plan';
import { requireGroupRules } from './local-replica';
import { insertOutboxRow, markCorrected, outboxSecretsContext, rejectedBehindDraft, requireOutboxRow, saveUndo, setOutboxMembers } from '../../outbox/outbox-repository';
import { PendingWriter } from '../../outbox/pending-writer';
import { planChange } from './plan-change';
import { splitSecrets } from '../../outbox/request-secrets';

export interface QueueEnv {
  store: Store;
  today: string;
  now: string;
}

export interface QueueLinks {
  /** The wizard draft the input came from: kept, linked, until the plan accepts. */
  draftId?: number | undefined;
  /** A rejected transaction this one corrects. */
  replaces?: number | undefined;
}

export interface Queued {
  id: number;
  /** Members the replica now shows as pending, provisional ones included. */
  pending: string[];
}

export function changeEnv(env: QueueEnv, groupNumber: string): ChangeEnv {
  return { db: env.store.db, cipher: env.store.cipher, rules: requireGroupRules(env.store.db, groupNumber, env.today), today: env.today };
}

/**
 * Validates and queues one transaction: the pending local change and its outbox row in ONE SQLite
 * transaction (docs/architecture.md#push), so a refusal or a crash leaves neither.
 */
export function queueTransaction(env: QueueEnv, groupNumber: string, transaction: ParsedTransactionInput, links: QueueLinks = {}): Queued {
  return env.store.db.transaction(() => {
    checkLinks(env, groupNumber, links);
    const checked = { ...links, replaces: links.replaces ?? correctionOfDraft(env, links.draftId) };
    return queuePlanned(env, groupNumber, planChange(changeEnv(env, groupNumber), transaction), checked);
  })();
}

/** Writes a change the rules accepted, `links` already checked. Runs inside the caller's SQLite transaction. */
export function queuePlanned(env: QueueEnv, groupNumber: string, planned: PlannedChange, links: QueueLinks = {}): Queued {
  const { db, cipher } = env.store;
  const { masked, secrets } = splitSecrets(planned.body);
  const idempotencyKey = randomUUID();
  const id = insertOutboxRow(db, {
    idempotencyKey,
    groupNumber,
    kind: planned.kind,
    memberId: planned.memberId,
    payload: JSON.stringify(masked),
    secretsEncrypted: Object.keys(secrets).length === 0 ? null : cipher.encrypt(JSON.stringify(secrets), outboxSecretsContext(idempotencyKey)),
    summary: planned.summary,
    createdBy: actingUserId(db),
    now: env.now,
  });
  const writer = new PendingWriter(db, cipher, groupNumber, env.now);
  planned.apply(writer, id);
  saveUndo(db, id, writer.undo);
  setOutboxMembers(db, id, [...planned.memberIds, ...writer.undo.provisional]);
  if (links.replaces !== undefined) {
    markCorrected(db, links.replaces, id, env.now);
    // The rejected one's input moves along with the correction, unless the wizard names its own draft.
    if (links.draftId === undefined) moveDrafts(db, links.replaces, id);
  }
  if (links.draftId !== undefined) linkDraft(db, links.draftId, id, env.now);
  return { id, pending: [...writer.pending] };
}

function checkLinks(env: QueueEnv, groupNumber: string, links: QueueLinks): void {
  const { db } = env.store;
  if (links.draftId !== undefined) {
    if (draftGroup(db, links.draftId) !== groupNumber) throw new ContractFailure('NOT_FOUND', `There is no draft #${links.draftId} in group ${groupNumber}.`, { draftId: 'Not found' });
  }
  if (links.replaces !== undefined) {
    const replaced = requireOutboxRow(db, groupNumber, links.replaces, 'replaces');
    if (replaced.status !== 'rejected') {
      throw new ContractFailure('RULE', `Transaction #${replaced.id} is ${replaced.status}: only a rejected transaction can be corrected and resent.`, { replaces: 'Not rejected' });
    }
  }
}

/**
 * A draft that holds a rejected transaction's input, resubmitted without naming what it replaces
 * (resumed from the drafts list rather than from Activity): it is still that correction.
 */
function correctionOfDraft(env: QueueEnv, draftId: number | undefined): number | undefined {
  if (draftId === undefined) return undefined;
  return rejectedBehindDraft(env.store.db, draftId);
}
