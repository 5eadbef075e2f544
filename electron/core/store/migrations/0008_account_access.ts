import type { Migration } from './migration';

/**
 * Account access on this computer:
 * - `sessions.unlock_hash`: a scrypt hash of the password typed at sign-in, so the screen lock can
 *   be opened offline; it never leaves this file and is gone with the session.
 * - `groups.balance_cents` / `balance_due_date`: the group's open-invoice total and latest due date
 *   as the plan last reported them, for the group switcher.
 * - `access_requests`: the user's primary-administrator requests as last read from the plan (the
 *   plan's own JSON, checked on read), so their status shows offline too.
 */
export const accountAccess: Migration = {
  version: 8,
  name: '0008_account_access',
  up: (db) =>
    db.exec(`
ALTER TABLE sessions ADD COLUMN unlock_hash TEXT;
ALTER TABLE groups ADD COLUMN balance_cents INTEGER;
ALTER TABLE groups ADD COLUMN balance_due_date TEXT;
CREATE TABLE access_requests (
  confirmation_number TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  request TEXT NOT NULL CHECK (json_valid(request)),
  submitted_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX access_requests_by_user ON access_requests (user_id, submitted_at);
`),
};
