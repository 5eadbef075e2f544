import type { ContractError } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import type { TransactionAccepted, TransactionKind } from '@shared/plan-api/eligibility';
import type { Store } from '../store/store';

import { createDraftFromRequest, deleteDraftsOf } from '../store/repositories/drafts-repository';
import { applyDeferredRemote } from '../store/members/deferred-remote';
import { clearPendingFlag, deleteMembers } from '../store/members/members-repository';
import { createNotification } from '../store/repositories/notifications-repository';
import {
  findOutboxRow,
  linkedDraftId,
  markAcceptedRow,
  markAttemptFailedRow,
  markRejectedRow,
  markSentRow,
  oldestOpenRow,
  otherOpenChange,
  outboxSecretsContext,
  outboxMemberIds,
  setOutboxMembers,
  undoOf,
  type OutboxRecord,
} from './outbox-repository';
import { restoreUndo } from './pending-writer';
import { mergeSecrets } from './request-secrets';
import { transactionKindLabels, wizardForKind } from './transaction-labels';
import { paymentDelivery, type PaymentDelivery } from './payment-delivery';

/**
 * The outbox as the sync engine sees it (docs/architecture.md#push): the next row to send, and what
 * each answer does to the replica. Every function writes inside the caller's SQLite transaction when
 * one is open (better-sqlite3 nests `db.transaction` as a savepoint), so the sync engine can apply
 * the plan's members in the same commit, and returns the events to publish after that commit.
 */

export type DeliveryPath = 'enrollments' | 'dependents' | 'terminations' | 'reinstatements' | 'demographics' | 'id-card-requests';

export const deliveryPaths: Record<TransactionKind, DeliveryPath> = {
  enroll: 'enrollments',
  add_dependent: 'dependents',
  terminate: 'terminations',
  reinstate: 'reinstatements',
  update_demographics: 'demographics',
  id_cards: 'id-card-requests',
};

/** The next row to send: an eligibility transaction, or a payment (payment-delivery.ts). */
export type Delivery = TransactionDelivery | PaymentDelivery;

export interface TransactionDelivery {
  id: number;
  groupNumber: string;
  kind: TransactionKind;
  idempotencyKey: string;
  /** POST /v1/groups/:groupNumber/<path>. */
  path: DeliveryPath;
  /** The full plan-api request: SSNs decrypted, `expectedVersion` as the user saw it. */
  body: Record<string, unknown>;
}

/** The oldest transaction or payment not yet answered (queued, or sent without an answer), or null. */
export function nextDelivery(store: Store): Delivery | null {
  const row = oldestOpenRow(store.db);
  if (row === undefined) return null;
  if (row.kind === 'payment') return paymentDelivery(row);
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const secrets = row.secrets_encrypted === null ? {} : (JSON.parse(store.cipher.decrypt(row.secrets_encrypted, outboxSecretsContext(row.idempotency_key))) as Record<string, string>);
  return { id: row.id, groupNumber: row.group_number, kind: row.kind, idempotencyKey: row.idempotency_key, path: deliveryPaths[row.kind], body: mergeSecrets(payload, secrets) };
}

/**
 * Marks the row sent (it may have reached the plan: from now on it can no longer be cancelled).
 * False when it is no longer open (cancelled meanwhile): do not send it.
 */
export function markSent(store: Store, id: number, at: string): boolean {
  return markSentRow(store.db, id, at);
}

/**
 * A try that got no answer (network, 5xx, 429): counted and noted, and the row is queued again for
 * the next try, so Activity does not call it sent while the plan is out of reach and the user may
 * still cancel it. Should a try have reached the plan after all, the pull brings the plan's change.
 */
export function markAttemptFailed(store: Store, id: number, message: string, at: string): void {
  markAttemptFailedRow(store.db, id, message, at);
}

/**
 * The plan accepted: provisional rows go (the caller applies the plan's members in the same
 * transaction, so the family never disappears), pending flags clear, the row keeps the confirmation
 * number and names the plan's member IDs, the draft is done with, and the user is told.
 */
export function recordAccepted(store: Store, id: number, accepted: TransactionAccepted, at: string): CoreEvent[] {
  const { db } = store;
  return db.transaction((): CoreEvent[] => {
    const row = openRow(store, id);
    if (row === null) return [];
    const undo = undoOf(row);
    deleteMembers(db, undo.provisional);
    const named = [...outboxMemberIds(db, id), ...accepted.memberIds].filter((m) => !isProvisionalMemberId(m));
    clearPending(store, named, id);
    markAcceptedRow(db, id, accepted.confirmationNumber, at);
    setOutboxMembers(db, id, accepted.memberIds);
    deleteDraftsOf(db, id);
    const label = transactionKindLabels[row.kind];
    return answeredEvents(store, row.group_number, id, at, {
      kind: 'transaction.accepted',
      title: `${label} accepted — ${accepted.confirmationNumber}`,
      body: `The plan accepted this ${label.toLowerCase()} for group ${row.group_number}. Confirmation number ${accepted.confirmationNumber}.`,
    });
  })();
}

/**
 * The plan refused: the pending local change is undone, the input stays in a draft for correction
 * (one is made from the request if the wizard kept none), and the user is told the plan's reason.
 */
export function recordRejected(store: Store, id: number, error: ContractError, at: string): CoreEvent[] {
  const { db } = store;
  return db.transaction((): CoreEvent[] => {
    const row = openRow(store, id);
    if (row === null) return [];
    const restored = restoreUndo(db, undoOf(row), id);
    const named = outboxMemberIds(db, id).filter((m) => !isProvisionalMemberId(m));
    clearPending(store, named, id);
    markRejectedRow(db, id, error, at);
    keepInputForCorrection(store, row, at);
    // Remote changes the pull held back while these members were pending can land now.
    applyDeferredRemote(store, [...new Set([...restored, ...named])]);
    const label = transactionKindLabels[row.kind];
    return answeredEvents(store, row.group_number, id, at, {
      kind: 'transaction.rejected',
      title: `${label} rejected`,
      body: `The plan refused this ${label.toLowerCase()} for group ${row.group_number}: ${error.message} Open it in Activity to correct and resend it.`,
    });
  })();
}

export const activityLink = (id: number): string => `#/activity?id=${id}`;

/** The row if the plan's answer still has something to settle: an answer for a settled row is a repeat. */
function openRow(store: Store, id: number): OutboxRecord | null {
  const row = findOutboxRow(store.db, id);
  return row !== null && (row.status === 'queued' || row.status === 'sent') ? row : null;
}

function clearPending(store: Store, memberIds: readonly string[], id: number): void {
  for (const memberId of memberIds) if (!otherOpenChange(store.db, memberId, id)) clearPendingFlag(store.db, memberId);
}

function keepInputForCorrection(store: Store, row: OutboxRecord, at: string): void {
  const wizard = wizardForKind[row.kind];
  if (wizard === null || linkedDraftId(store.db, row.id) !== null) return;
  const { expectedVersion: _version, ...request } = JSON.parse(row.payload) as Record<string, unknown>;
  const secrets = row.secrets_encrypted === null ? {} : (JSON.parse(store.cipher.decrypt(row.secrets_encrypted, outboxSecretsContext(row.idempotency_key))) as Record<string, string>);
  createDraftFromRequest(store, {
    wizard,
    groupNumber: row.group_number,
    memberId: row.member_id,
    request,
    secrets: Object.fromEntries(Object.entries(secrets).map(([path, value]) => [`request.${path}`, value])),
    outboxRef: row.id,
    createdBy: row.created_by,
    now: at,
  });
}

/** What the plan's answer changes for the user: Activity, the roster, and a notification linking to the change. */
function answeredEvents(store: Store, groupNumber: string, id: number, at: string, notice: { kind: 'transaction.accepted' | 'transaction.rejected'; title: string; body: string }): CoreEvent[] {
  return [
    { type: 'activity.changed', groupNumber },
    { type: 'roster.changed', groupNumber },
    ...createNotification(store.db, { groupNumber, ...notice, link: activityLink(id), outboxRef: id, createdAt: at }),
  ];
}
