import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { Draft, DraftSummary, WizardName } from '@shared/contract/schemas/transaction';
import { statement } from '../statements';
import type { Store } from '../store';

interface DraftRecord {
  id: number;
  wizard: WizardName;
  group_number: string;
  member_id: string | null;
  step: string;
  data: string;
  secrets_encrypted: Buffer | null;
  outbox_ref: number | null;
  updated_at: string;
  /** The linked transaction's Activity line, if any. */
  summary: string | null;
}

export interface DraftInput {
  groupNumber: string;
  id?: number | undefined;
  wizard: WizardName;
  memberId: string | null;
  step: string;
  data: Record<string, unknown>;
  secrets: Record<string, string>;
}

const selectDraft = `SELECT d.id, d.wizard, d.group_number, d.member_id, d.step, d.data, d.secrets_encrypted, d.outbox_ref, d.updated_at, o.summary
  FROM wizard_drafts d LEFT JOIN outbox o ON o.id = d.outbox_ref`;

const encryptSecrets = (store: Store, secrets: Record<string, string>): Buffer | null =>
  Object.keys(secrets).length === 0 ? null : store.cipher.encrypt(JSON.stringify(secrets));

/** Creates or updates a draft; full SSNs only ever reach the table encrypted. */
export function saveDraft(store: Store, input: DraftInput, createdBy: string, now: string): Omit<Draft, 'data' | 'secrets'> {
  const { db } = store;
  const data = JSON.stringify(input.data);
  const secrets = encryptSecrets(store, input.secrets);
  let id: number;
  if (input.id === undefined) {
    id = Number(
      statement(
        db,
        `INSERT INTO wizard_drafts (wizard, group_number, member_id, step, data, secrets_encrypted, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
        .pluck()
        .get(input.wizard, input.groupNumber, input.memberId, input.step, data, secrets, createdBy, now, now),
    );
  } else {
    const existing = requireDraftRecord(db, input.groupNumber, input.id);
    if (existing.wizard !== input.wizard) throw new ContractFailure('RULE', `Draft #${input.id} belongs to another wizard.`, { wizard: 'Another wizard' });
    id = input.id;
    statement(db, 'UPDATE wizard_drafts SET member_id = ?, step = ?, data = ?, secrets_encrypted = ?, updated_at = ? WHERE id = ?').run(input.memberId, input.step, data, secrets, now, id);
  }
  const { data: _data, secrets: _secrets, ...meta } = toDraft(store, requireDraftRecord(db, input.groupNumber, id));
  return meta;
}

export function getDraft(store: Store, groupNumber: string, id: number): Draft {
  return toDraft(store, requireDraftRecord(store.db, groupNumber, id));
}

/**
 * Unfinished wizards, newest first. A draft whose transaction is queued or sent is not unfinished:
 * it waits for the plan's answer (a rejected one is listed again, for correction).
 */
export function listDrafts(db: Database, groupNumber: string, wizard: WizardName | undefined): DraftSummary[] {
  const rows = statement(
    db,
    `${selectDraft} WHERE d.group_number = @group AND (@wizard IS NULL OR d.wizard = @wizard)
       AND (o.id IS NULL OR o.status NOT IN ('queued', 'sent', 'accepted'))
     ORDER BY d.updated_at DESC, d.id DESC`,
  ).all({ group: groupNumber, wizard: wizard ?? null }) as DraftRecord[];
  return rows.map((r) => ({
    id: r.id,
    wizard: r.wizard,
    groupNumber: r.group_number,
    memberId: r.member_id,
    step: r.step,
    transactionId: r.outbox_ref,
    updatedAt: r.updated_at,
    summary: r.summary ?? draftSummary(r.wizard, r.member_id, JSON.parse(r.data) as Record<string, unknown>),
  }));
}

export function countListedDrafts(db: Database, groupNumber: string): number {
  return Number(
    statement(
      db,
      `SELECT count(*) FROM wizard_drafts d LEFT JOIN outbox o ON o.id = d.outbox_ref
       WHERE d.group_number = ? AND (o.id IS NULL OR o.status NOT IN ('queued', 'sent', 'accepted'))`,
    )
      .pluck()
      .get(groupNumber),
  );
}

export function discardDraft(db: Database, groupNumber: string, id: number): boolean {
  return statement(db, 'DELETE FROM wizard_drafts WHERE id = ? AND group_number = ?').run(id, groupNumber).changes > 0;
}

export interface DraftFromRequest {
  wizard: WizardName;
  groupNumber: string;
  memberId: string | null;
  /** The plan-api request with SSNs masked, `expectedVersion` left out (the wizard sends the input only). */
  request: Record<string, unknown>;
  /** Full SSNs by their path in `data` (`request.subscriber.ssn`). */
  secrets: Record<string, string>;
  outboxRef: number;
  createdBy: string;
  now: string;
}

/** Keeps a refused transaction's input for correction when no wizard draft held it. */
export function createDraftFromRequest(store: Store, d: DraftFromRequest): number {
  return Number(
    statement(
      store.db,
      `INSERT INTO wizard_drafts (wizard, group_number, member_id, step, data, secrets_encrypted, outbox_ref, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'review', ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
      .pluck()
      .get(d.wizard, d.groupNumber, d.memberId, JSON.stringify({ request: d.request }), encryptSecrets(store, d.secrets), d.outboxRef, d.createdBy, d.now, d.now),
  );
}

function requireDraftRecord(db: Database, groupNumber: string, id: number): DraftRecord {
  const row = statement(db, `${selectDraft} WHERE d.id = ?`).get(id) as DraftRecord | undefined;
  if (row === undefined || row.group_number !== groupNumber) throw new ContractFailure('NOT_FOUND', `There is no draft #${id} in group ${groupNumber}.`, { id: 'Not found' });
  return row;
}

function toDraft(store: Store, r: DraftRecord): Draft {
  return {
    id: r.id,
    wizard: r.wizard,
    groupNumber: r.group_number,
    memberId: r.member_id,
    step: r.step,
    data: JSON.parse(r.data) as Record<string, unknown>,
    secrets: r.secrets_encrypted === null ? {} : (JSON.parse(store.cipher.decrypt(r.secrets_encrypted)) as Record<string, string>),
    transactionId: r.outbox_ref,
    updatedAt: r.updated_at,
  };
}

const wizardLabels: Record<WizardName, string> = {
  enroll: 'Enroll an employee',
  add_dependent: 'Add a dependent',
  terminate: 'Terminate a member',
  update_demographics: 'Update demographics',
  id_cards: 'Request ID cards',
};

/** "Enroll an employee: Jane Smith", from whatever names the form holds so far. */
function draftSummary(wizard: WizardName, memberId: string | null, data: Record<string, unknown>): string {
  const person = [data.subscriber, data.dependent, (data.request as Record<string, unknown> | undefined)?.subscriber, (data.request as Record<string, unknown> | undefined)?.dependent].find(
    (p): p is Record<string, unknown> => p !== null && typeof p === 'object',
  );
  const name = person === undefined ? '' : [person.firstName, person.lastName].filter((s) => typeof s === 'string' && s.trim() !== '').join(' ');
  const about = [memberId, name].filter((s) => s !== null && s !== '').join(' ');
  return about === '' ? wizardLabels[wizard] : `${wizardLabels[wizard]}: ${about}`;
}

/** The group of a draft, or undefined when there is none. */
export function draftGroup(db: Database, draftId: number): string | undefined {
  return statement(db, 'SELECT group_number FROM wizard_drafts WHERE id = ?').pluck().get(draftId) as string | undefined;
}

/** The draft now holds the input of transaction `outboxRef` (submitted from it, or corrected into it). */
export function linkDraft(db: Database, draftId: number, outboxRef: number, now: string): void {
  statement(db, 'UPDATE wizard_drafts SET outbox_ref = ?, updated_at = ? WHERE id = ?').run(outboxRef, now, draftId);
}

/** The drafts of transaction `from` follow its correction `to`. */
export function moveDrafts(db: Database, from: number, to: number): void {
  statement(db, 'UPDATE wizard_drafts SET outbox_ref = ? WHERE outbox_ref = ?').run(to, from);
}

/** The transaction was withdrawn: its drafts become unfinished wizards again. */
export function unlinkDrafts(db: Database, outboxRef: number, now: string): void {
  statement(db, 'UPDATE wizard_drafts SET outbox_ref = NULL, updated_at = ? WHERE outbox_ref = ?').run(now, outboxRef);
}

/** The transaction is settled for good: the input kept for it goes. */
export function deleteDraftsOf(db: Database, outboxRef: number): void {
  statement(db, 'DELETE FROM wizard_drafts WHERE outbox_ref = ?').run(outboxRef);
}
