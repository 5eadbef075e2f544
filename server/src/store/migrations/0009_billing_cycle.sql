-- The billing cycle (docs/billing-rules.md): which eligibility transaction wrote or ended each
-- coverage period, so that an invoice's adjustments can name their cause; an invoice's statement
-- totals; the adjustments themselves; and invoice lines and adjustments on the change feed.

-- A period is written by one transaction and end-dated by at most one other (periods are never
-- otherwise changed: services/eligibility/retier.ts).
ALTER TABLE coverage_periods
  ADD COLUMN created_by text REFERENCES eligibility_transactions (confirmation_number),
  ADD COLUMN ended_by text REFERENCES eligibility_transactions (confirmation_number);
-- Periods already on file were written in the same database transaction as their eligibility
-- transaction, under the same instant; the one with the lowest number if several share it.
-- Who ended a period was not recorded before, so ended_by stays empty for those.
UPDATE coverage_periods c SET created_by = (
  SELECT min(t.confirmation_number) FROM eligibility_transactions t
  WHERE t.group_number = c.group_number AND t.created_at = c.created_at);

-- amount_cents stays the invoice's own amount (what it adds to the balance): current premiums plus
-- adjustments, which a credit can make negative. The statement's other figures are kept beside it;
-- the sums are generated so they cannot disagree with their parts.
ALTER TABLE invoices DROP CONSTRAINT invoices_amount_cents_check;
ALTER TABLE invoices
  ADD COLUMN adjustments_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN previous_balance_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN payments_cents bigint NOT NULL DEFAULT 0 CHECK (payments_cents >= 0),
  ADD COLUMN premiums_cents bigint GENERATED ALWAYS AS (amount_cents - adjustments_cents) STORED CHECK (premiums_cents >= 0),
  ADD COLUMN total_due_cents bigint GENERATED ALWAYS AS (previous_balance_cents - payments_cents + amount_cents) STORED;

-- A month already billed, re-billed on a later invoice because coverage changed (retroactive
-- enrollment, termination or tier change): the difference, per family (the subscriber's contract).
CREATE TABLE invoice_adjustments (
  invoice_number text NOT NULL REFERENCES invoices (invoice_number),
  member_id text NOT NULL REFERENCES members (member_id),
  -- First day of the month adjusted (before the invoice's own month).
  period_start date NOT NULL CHECK (extract(day FROM period_start) = 1),
  kind text NOT NULL CHECK (kind IN ('charge', 'credit')),
  amount_cents bigint NOT NULL CHECK ((kind = 'charge' AND amount_cents > 0) OR (kind = 'credit' AND amount_cents < 0)),
  -- What the month costs now; both null when nobody in the family is billed for it any more.
  plan_code text,
  tier text CHECK (tier IN ('EMP', 'ESP', 'ECH', 'FAM')),
  -- The eligibility transaction behind the change (TX-…); null only for coverage written before
  -- periods named their transaction.
  confirmation_number text REFERENCES eligibility_transactions (confirmation_number),
  PRIMARY KEY (invoice_number, member_id, period_start)
);
-- What a family has been billed for a month: its line on that month's invoice plus these.
CREATE INDEX invoice_adjustments_member_period ON invoice_adjustments (member_id, period_start);

ALTER TABLE changes DROP CONSTRAINT changes_entity_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_entity_kind_check
  CHECK (entity_kind IN ('member', 'coverage', 'transaction', 'invoice', 'invoice_line', 'invoice_adjustment', 'user'));
