import type { Migration } from './migration';

/**
 * The outbox as issue 4's transactions need it (services/transactions):
 * - status also `cancelled` (the user withdrew it before it was sent) and `corrected` (a rejected
 *   one fixed and resent as `replaced_by`);
 * - `undo`: the members rows (and coverage end dates) as they were before the pending local change,
 *   restored when the transaction is cancelled or rejected; `summary`: the Activity line;
 * - `error` becomes JSON {code, message, fields} (the contract's error); a transient failure's text
 *   goes to `last_error` instead, since it is not a refusal;
 * - outbox_members: every member a transaction names or changes, so a member's pending flag is
 *   cleared only when no open transaction touches it, and Activity filters by member.
 *
 * SQLite cannot change a CHECK in place, so the table is rebuilt. Dropping it would run its foreign
 * key actions (drafts' and notifications' outbox_ref ON DELETE SET NULL; `PRAGMA foreign_keys` cannot
 * be switched off inside the migration's transaction), so those links are saved and put back.
 */
const rebuild = /* sql */ `
CREATE TABLE outbox_rebuilt (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  member_id TEXT,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  secrets_encrypted BLOB,
  status TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'sent', 'accepted', 'rejected', 'cancelled', 'corrected')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  error TEXT CHECK (error IS NULL OR json_valid(error)),
  last_error TEXT,
  last_attempt_at TEXT,
  confirmation_number TEXT,
  summary TEXT NOT NULL DEFAULT '',
  undo TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(undo)),
  replaced_by INTEGER REFERENCES outbox_rebuilt (id) ON DELETE SET NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  resolved_at TEXT
) STRICT;

INSERT INTO outbox_rebuilt (id, idempotency_key, group_number, kind, member_id, payload, secrets_encrypted, status, attempts, error,
    confirmation_number, created_by, created_at, updated_at, sent_at, resolved_at)
  SELECT id, idempotency_key, group_number, kind, member_id, payload, secrets_encrypted, status, attempts,
    CASE WHEN error IS NULL THEN NULL WHEN json_valid(error) THEN error ELSE json_object('code', 'INTERNAL', 'message', error) END,
    confirmation_number, created_by, created_at, updated_at, sent_at, resolved_at
  FROM outbox;

CREATE TEMP TABLE outbox_links_saved (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, outbox_ref INTEGER NOT NULL);
INSERT INTO outbox_links_saved SELECT 'wizard_drafts', id, outbox_ref FROM wizard_drafts WHERE outbox_ref IS NOT NULL;
INSERT INTO outbox_links_saved SELECT 'notifications', id, outbox_ref FROM notifications WHERE outbox_ref IS NOT NULL;

DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;

UPDATE wizard_drafts SET outbox_ref = (SELECT s.outbox_ref FROM outbox_links_saved s WHERE s.tbl = 'wizard_drafts' AND s.row_id = wizard_drafts.id)
  WHERE id IN (SELECT row_id FROM outbox_links_saved WHERE tbl = 'wizard_drafts');
UPDATE notifications SET outbox_ref = (SELECT s.outbox_ref FROM outbox_links_saved s WHERE s.tbl = 'notifications' AND s.row_id = notifications.id)
  WHERE id IN (SELECT row_id FROM outbox_links_saved WHERE tbl = 'notifications');
DROP TABLE outbox_links_saved;

CREATE INDEX outbox_by_status ON outbox (status, id);
CREATE INDEX outbox_by_member ON outbox (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX outbox_by_group ON outbox (group_number, id);

CREATE TABLE outbox_members (
  outbox_ref INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  PRIMARY KEY (outbox_ref, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX outbox_members_by_member ON outbox_members (member_id, outbox_ref);
INSERT INTO outbox_members (outbox_ref, member_id) SELECT id, member_id FROM outbox WHERE member_id IS NOT NULL;

CREATE INDEX wizard_drafts_by_outbox ON wizard_drafts (outbox_ref) WHERE outbox_ref IS NOT NULL;
CREATE INDEX notifications_by_created ON notifications (created_at, id);
`;

export const outboxLifecycle: Migration = {
  version: 5,
  name: '0005_outbox_lifecycle',
  up: (db) => db.exec(rebuild),
};
