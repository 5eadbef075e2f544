import type { Migration } from './migration';
import { groupDeskApplicationId } from './application-id';

const relationships = `'subscriber','spouse','domestic_partner','child','stepchild','adopted_child','foster_child'`;
const tiers = `'EMP','ESP','ECH','FAM'`;
const flag = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;

/**
 * The whole local schema of the mission, so later issues fill tables rather than reshape them.
 * Dates are ISO `YYYY-MM-DD` TEXT, instants ISO UTC TEXT, money integer cents, JSON in TEXT checked
 * with json_valid. Encrypted values are BLOBs from store/field-cipher.ts, never plain text.
 */
const schema = /* sql */ `
-- Account access: one signed-in user per installation who may see several groups.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  ${flag('email_verified')},
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  service_url TEXT NOT NULL,
  token_encrypted BLOB NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE groups (
  group_number TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  address TEXT NOT NULL CHECK (json_valid(address)),
  policy TEXT NOT NULL CHECK (json_valid(policy)),
  ${flag('paperless_invoices')},
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE user_groups (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('primary_admin', 'admin', 'billing', 'read_only')),
  PRIMARY KEY (user_id, group_number)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_groups_by_group ON user_groups (group_number);

CREATE TABLE plans (
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  plan_code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('HMO', 'PPO', 'EPO', 'HDHP')),
  position INTEGER NOT NULL,
  PRIMARY KEY (group_number, plan_code)
) STRICT, WITHOUT ROWID;

-- Rates change at renewal; an invoice month uses the rate in force on its first day.
CREATE TABLE plan_rates (
  group_number TEXT NOT NULL,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  effective_date TEXT NOT NULL,
  monthly_cents INTEGER NOT NULL CHECK (monthly_cents >= 0),
  PRIMARY KEY (group_number, plan_code, tier, effective_date),
  FOREIGN KEY (group_number, plan_code) REFERENCES plans (group_number, plan_code) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- plan_code, tier, effective_date and termination_date repeat the member's coverage span
-- (shared/domain coverageSpan) so the roster filters and sorts without reading the history.
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL UNIQUE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  subscriber_id TEXT NOT NULL REFERENCES members (member_id) DEFERRABLE INITIALLY DEFERRED,
  relationship TEXT NOT NULL CHECK (relationship IN (${relationships})),
  first_name TEXT NOT NULL COLLATE NOCASE,
  middle_name TEXT,
  last_name TEXT NOT NULL COLLATE NOCASE,
  suffix TEXT,
  date_of_birth TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('F', 'M', 'U')),
  ssn_encrypted BLOB,
  ssn_last4 TEXT CHECK (ssn_last4 GLOB '[0-9][0-9][0-9][0-9]'),
  address TEXT NOT NULL CHECK (json_valid(address)),
  phone TEXT,
  email TEXT,
  hire_date TEXT,
  employment_status TEXT CHECK (employment_status IN ('FT', 'PT')),
  ${flag('disabled')},
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  effective_date TEXT NOT NULL,
  termination_date TEXT CHECK (termination_date IS NULL OR termination_date >= effective_date),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 0),
  -- A local change the plan has not accepted yet (docs/architecture.md#push).
  ${flag('pending_sync')},
  updated_at TEXT NOT NULL,
  CHECK ((relationship = 'subscriber') = (member_id = subscriber_id)),
  CHECK ((ssn_encrypted IS NULL) = (ssn_last4 IS NULL)),
  FOREIGN KEY (group_number, plan_code) REFERENCES plans (group_number, plan_code)
) STRICT;

-- History is end-dated and appended, never rewritten (834 maintenance): see the trigger below.
CREATE TABLE coverage_periods (
  id INTEGER PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  group_number TEXT NOT NULL,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  start_date TEXT NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  reason TEXT NOT NULL,
  FOREIGN KEY (group_number, plan_code) REFERENCES plans (group_number, plan_code)
) STRICT;
CREATE INDEX coverage_periods_by_member ON coverage_periods (member_ref, start_date);
CREATE TRIGGER coverage_periods_append_only BEFORE UPDATE OF member_ref, group_number, plan_code, tier, start_date, reason ON coverage_periods
BEGIN
  SELECT RAISE(ABORT, 'Coverage history is end-dated and appended, never rewritten');
END;

-- Queued transactions, delivered in id order with their idempotency key (docs/architecture.md#push).
-- Sensitive input (a full SSN, a bank account number) sits in secrets_encrypted, never in payload.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  member_id TEXT,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  secrets_encrypted BLOB,
  status TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'sent', 'accepted', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  error TEXT,
  confirmation_number TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  resolved_at TEXT
) STRICT;
CREATE INDEX outbox_by_status ON outbox (status, id);
CREATE INDEX outbox_by_member ON outbox (member_id) WHERE member_id IS NOT NULL;

-- A wizard's unfinished input, and a rejected transaction's input kept for correction.
CREATE TABLE wizard_drafts (
  id INTEGER PRIMARY KEY,
  wizard TEXT NOT NULL,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  member_id TEXT,
  step TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  secrets_encrypted BLOB,
  outbox_ref INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX wizard_drafts_by_group ON wizard_drafts (group_number, updated_at);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  group_number TEXT REFERENCES groups (group_number) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  outbox_ref INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
  ${flag('read')},
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX notifications_by_read ON notifications (read, created_at);

-- Per group: the last change-feed sequence applied and when the replica was last brought up to
-- date (a sync, or the sandbox seeding).
CREATE TABLE sync_cursors (
  group_number TEXT PRIMARY KEY REFERENCES groups (group_number) ON DELETE CASCADE,
  sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  synced_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Who did what and when. No foreign keys: the record outlives the group, member or user it names.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  group_number TEXT,
  subject TEXT,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_log_by_group ON audit_log (group_number, at);

-- Online Bill Pay.
CREATE TABLE invoices (
  invoice_number TEXT PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  coverage_month TEXT NOT NULL,
  issued_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  previous_balance_cents INTEGER NOT NULL,
  payments_received_cents INTEGER NOT NULL,
  current_charges_cents INTEGER NOT NULL,
  adjustments_cents INTEGER NOT NULL,
  amount_due_cents INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'partially_paid', 'past_due')),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX invoices_by_group ON invoices (group_number, coverage_month);

-- Member-level lines; retroactive adjustments name the month they correct. No foreign key to
-- members: an invoice names members who may have left the visible roster.
CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_number TEXT NOT NULL REFERENCES invoices (invoice_number) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  member_name TEXT NOT NULL,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  coverage_month TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('premium', 'retro_add', 'retro_term', 'retro_change')),
  amount_cents INTEGER NOT NULL
) STRICT;
CREATE INDEX invoice_lines_by_invoice ON invoice_lines (invoice_number, member_id);

CREATE TABLE bank_accounts (
  id INTEGER PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  nickname TEXT NOT NULL,
  holder_name TEXT NOT NULL,
  routing_number TEXT NOT NULL CHECK (length(routing_number) = 9 AND routing_number NOT GLOB '*[^0-9]*'),
  account_number_encrypted BLOB NOT NULL,
  account_last4 TEXT NOT NULL CHECK (account_last4 GLOB '[0-9][0-9][0-9][0-9]'),
  account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings')),
  prenote_status TEXT NOT NULL CHECK (prenote_status IN ('pending', 'verified', 'failed')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX bank_accounts_by_group ON bank_accounts (group_number);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  confirmation_number TEXT UNIQUE,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  invoice_number TEXT NOT NULL REFERENCES invoices (invoice_number),
  bank_account_ref INTEGER REFERENCES bank_accounts (id) ON DELETE SET NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  scheduled_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'pending', 'settled', 'returned', 'cancelled')),
  -- NACHA return reason (R01…) when the bank returned the debit.
  return_code TEXT,
  ${flag('autopay')},
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX payments_by_invoice ON payments (invoice_number);

CREATE TABLE autopay_enrollments (
  group_number TEXT PRIMARY KEY REFERENCES groups (group_number) ON DELETE CASCADE,
  bank_account_ref INTEGER NOT NULL REFERENCES bank_accounts (id),
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'cancelled')),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

export const initial: Migration = {
  version: 1,
  name: '0001_initial',
  up: (db) => {
    // Marks the file as ours, so a foreign SQLite file is told apart from a new one (store/open-store.ts).
    db.pragma(`application_id = ${groupDeskApplicationId}`);
    db.exec(schema);
  },
};
