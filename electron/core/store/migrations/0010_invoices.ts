import type { Migration } from './migration';

const tiers = `'EMP','ESP','ECH','FAM'`;

/**
 * Bill Pay's invoices on this computer, replicated from the change feed like members (every role
 * with billing.read pulls them), so a billing user reads invoices offline without the roster:
 * - `invoices`: the statement as the plan issued it (money in integer cents).
 * - `invoice_lines`: one family's premium for the month, with the subscriber's name as billed (a
 *   billing user has no roster to look it up in). Indexed for each sort the invoice screen offers,
 *   so the first page of a 250,000-line invoice is an index walk.
 * - `invoice_adjustments`: charges and credits for months already billed, with the `TX-` number
 *   of the change that caused them.
 * - `invoice_disputes`: disputes as the plan last answered them (its ids), so a reconciliation
 *   shows what was already disputed while offline.
 * - `billing_preferences`: paper or paperless and the notice recipients as last read from the plan.
 * Lines and adjustments carry the group, not a foreign key to their invoice: a feed page may hold
 * a line before its invoice, and a group's removal takes all of them with it.
 */
export const invoices: Migration = {
  version: 10,
  name: '0010_invoices',
  up: (db) =>
    db.exec(`
CREATE TABLE invoices (
  invoice_number TEXT PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'paid')),
  amount_cents INTEGER NOT NULL,
  previous_balance_cents INTEGER NOT NULL,
  payments_cents INTEGER NOT NULL,
  premiums_cents INTEGER NOT NULL,
  adjustments_cents INTEGER NOT NULL,
  total_due_cents INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX invoices_by_group ON invoices (group_number, period_start);

CREATE TABLE invoice_lines (
  invoice_number TEXT NOT NULL,
  member_id TEXT NOT NULL,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  member_name TEXT NOT NULL COLLATE NOCASE,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (invoice_number, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX invoice_lines_by_group ON invoice_lines (group_number);
CREATE INDEX invoice_lines_by_name ON invoice_lines (invoice_number, member_name, member_id);
CREATE INDEX invoice_lines_by_plan ON invoice_lines (invoice_number, plan_code, member_name, member_id);
CREATE INDEX invoice_lines_by_tier ON invoice_lines (invoice_number, tier, member_name, member_id);
CREATE INDEX invoice_lines_by_amount ON invoice_lines (invoice_number, amount_cents, member_id);

CREATE TABLE invoice_adjustments (
  invoice_number TEXT NOT NULL,
  member_id TEXT NOT NULL,
  period_start TEXT NOT NULL,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  member_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('charge', 'credit')),
  amount_cents INTEGER NOT NULL,
  plan_code TEXT,
  tier TEXT CHECK (tier IS NULL OR tier IN (${tiers})),
  confirmation_number TEXT,
  PRIMARY KEY (invoice_number, member_id, period_start)
) STRICT, WITHOUT ROWID;
CREATE INDEX invoice_adjustments_by_group ON invoice_adjustments (group_number);

CREATE TABLE invoice_disputes (
  id INTEGER PRIMARY KEY,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  invoice_number TEXT NOT NULL,
  member_id TEXT,
  dispute TEXT NOT NULL CHECK (json_valid(dispute))
) STRICT;
CREATE INDEX invoice_disputes_by_invoice ON invoice_disputes (invoice_number, member_id);
CREATE INDEX invoice_disputes_by_group ON invoice_disputes (group_number);

CREATE TABLE billing_preferences (
  group_number TEXT PRIMARY KEY REFERENCES groups (group_number) ON DELETE CASCADE,
  preferences TEXT NOT NULL CHECK (json_valid(preferences)),
  read_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`),
};
