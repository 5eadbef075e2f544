import type { Migration } from './migration';

/**
 * Changes made many at a time, and the files they come from:
 * - `batches`: one bulk action or one confirmed file import. Its outbox rows carry `batch_ref`, so
 *   Activity can show them together and "cancel the rest of this batch" can find the ones not yet sent.
 *   A plain added column (default null), so the outbox is not rebuilt.
 * - `imports` and `import_items`: a checked file and what the check said of each member, in file
 *   order, so the report pages and exports without reading the file again. The transaction to queue
 *   is kept on the first member it covers with its SSNs taken out and encrypted by the store's cipher
 *   (`secrets_encrypted`), as the outbox keeps them: the received file itself is swept away soon.
 *   `imports.batch_ref` is set when the import is confirmed, so it cannot be confirmed twice.
 */
const sql = /* sql */ `
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('import', 'bulk')),
  label TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

ALTER TABLE outbox ADD COLUMN batch_ref INTEGER REFERENCES batches (id) ON DELETE SET NULL;
CREATE INDEX outbox_by_batch ON outbox (batch_ref) WHERE batch_ref IS NOT NULL;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('x12-834', 'csv', 'xlsx')),
  batch_ref INTEGER REFERENCES batches (id) ON DELETE SET NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  confirmed_at TEXT
) STRICT;

CREATE TABLE import_items (
  import_ref INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  location_kind TEXT NOT NULL CHECK (location_kind IN ('line', 'segment')),
  location_number INTEGER NOT NULL CHECK (location_number > 0),
  member_id TEXT,
  name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('add', 'terminate', 'change', 'reinstate')),
  outcome TEXT NOT NULL CHECK (outcome IN ('queue', 'skip', 'refuse')),
  reason TEXT,
  transaction_no INTEGER,
  request TEXT CHECK (request IS NULL OR json_valid(request)),
  secrets_encrypted BLOB,
  PRIMARY KEY (import_ref, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_items_by_outcome ON import_items (import_ref, outcome, position);
`;

export const batches: Migration = {
  version: 12,
  name: '0012_batches',
  up: (db) => db.exec(sql),
};
