import type { Migration } from './migration';

/**
 * Bill Pay's payments on this computer:
 * - the outbox also carries payment submits (kind `payment`): the request names the bank account by
 *   its plan ID only, never its number. A payment queued offline whose date passed before it could be
 *   sent is not sent; it waits as `needs_new_date` until the user chooses another date, a status the
 *   outbox's CHECK did not allow. SQLite cannot change a CHECK in place, so the table is rebuilt as
 *   0005 did; dropping it runs its foreign key actions (outbox_members cascade, drafts' and
 *   notifications' links set null), so those rows and links are saved and put back.
 * - `payments`: the plan's payment records as the change feed brings them (one snapshot per
 *   confirmation number, replaced by each newer one), with the columns the screens sort and sum by.
 * - `bank_accounts_cache`, `autopay_cache`, `payment_authorizations`: what the plan last answered
 *   about the group's accounts (last four digits only, as the plan sends them), its autopay, and the
 *   debit authorization texts, so those screens read offline.
 */
const rebuildOutbox = /* sql */ `
CREATE TABLE outbox_rebuilt (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  member_id TEXT,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  secrets_encrypted BLOB,
  status TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'sent', 'accepted', 'rejected', 'cancelled', 'corrected', 'needs_new_date')),
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

INSERT INTO outbox_rebuilt SELECT id, idempotency_key, group_number, kind, member_id, payload, secrets_encrypted, status, attempts, error,
    last_error, last_attempt_at, confirmation_number, summary, undo, NULL, created_by, created_at, updated_at, sent_at, resolved_at
  FROM outbox;

CREATE TEMP TABLE outbox_links_saved (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, ref INTEGER NOT NULL);
INSERT INTO outbox_links_saved SELECT 'wizard_drafts', id, outbox_ref FROM wizard_drafts WHERE outbox_ref IS NOT NULL;
INSERT INTO outbox_links_saved SELECT 'notifications', id, outbox_ref FROM notifications WHERE outbox_ref IS NOT NULL;
INSERT INTO outbox_links_saved SELECT 'outbox', id, replaced_by FROM outbox WHERE replaced_by IS NOT NULL;
CREATE TEMP TABLE outbox_members_saved AS SELECT outbox_ref, member_id FROM outbox_members;

DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;

UPDATE outbox SET replaced_by = (SELECT s.ref FROM outbox_links_saved s WHERE s.tbl = 'outbox' AND s.row_id = outbox.id)
  WHERE id IN (SELECT row_id FROM outbox_links_saved WHERE tbl = 'outbox');
UPDATE wizard_drafts SET outbox_ref = (SELECT s.ref FROM outbox_links_saved s WHERE s.tbl = 'wizard_drafts' AND s.row_id = wizard_drafts.id)
  WHERE id IN (SELECT row_id FROM outbox_links_saved WHERE tbl = 'wizard_drafts');
UPDATE notifications SET outbox_ref = (SELECT s.ref FROM outbox_links_saved s WHERE s.tbl = 'notifications' AND s.row_id = notifications.id)
  WHERE id IN (SELECT row_id FROM outbox_links_saved WHERE tbl = 'notifications');
INSERT OR IGNORE INTO outbox_members (outbox_ref, member_id) SELECT outbox_ref, member_id FROM outbox_members_saved;
DROP TABLE outbox_links_saved;
DROP TABLE outbox_members_saved;

CREATE INDEX outbox_by_status ON outbox (status, id);
CREATE INDEX outbox_by_member ON outbox (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX outbox_by_group ON outbox (group_number, id);
`;

const paymentTables = /* sql */ `
CREATE TABLE payments (
  confirmation_number TEXT PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  payment TEXT NOT NULL CHECK (json_valid(payment)),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'processing', 'settled', 'returned', 'cancelled')),
  payment_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX payments_by_group ON payments (group_number, payment_date, confirmation_number);

CREATE TABLE bank_accounts_cache (
  group_number TEXT PRIMARY KEY REFERENCES groups (group_number) ON DELETE CASCADE,
  accounts TEXT NOT NULL CHECK (json_valid(accounts)),
  read_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE autopay_cache (
  group_number TEXT PRIMARY KEY REFERENCES groups (group_number) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (json_valid(state)),
  read_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE payment_authorizations (
  kind TEXT PRIMARY KEY CHECK (kind IN ('payment', 'autopay')),
  authorization TEXT NOT NULL CHECK (json_valid(authorization)),
  read_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

export const payments: Migration = {
  version: 11,
  name: '0011_payments',
  up: (db) => {
    db.exec(rebuildOutbox);
    db.exec(paymentTables);
  },
};
