-- Billing: the monthly invoices a group's premium is billed on (computed from the coverage in force
-- on the period's first day, services/billing/issue-invoice.ts), their member-level lines, and Bill
-- Pay sign-ups (a user proving they hold the latest invoice and accepting the terms of service).

CREATE TABLE invoices (
  -- `INV-<group>-<YYYYMM>-<code>`, printed at the top of the paper invoice and asked as proof at Bill
  -- Pay sign-up. The six-character code is crypto-random (the access codes' Crockford alphabet), so
  -- the number cannot be worked out from the group number; the readable part names the row's own
  -- group and month.
  invoice_number text PRIMARY KEY CHECK (invoice_number ~ '^INV-[0-9]{4,10}-[0-9]{6}-[0-9A-HJKMNP-TV-Z]{6}$'),
  group_number text NOT NULL REFERENCES groups (group_number),
  -- First day of the month billed.
  period_start date NOT NULL CHECK (extract(day FROM period_start) = 1),
  issued_on date NOT NULL,
  due_date date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid')),
  created_at timestamptz NOT NULL,
  CHECK (starts_with(invoice_number, 'INV-' || group_number || '-' || to_char(period_start, 'YYYYMM') || '-')),
  -- One invoice per group and month: kept here, not by the (random) number.
  UNIQUE (group_number, period_start)
);
-- The latest invoice of a group (sign-up proof, billing summary) and its open balance.
CREATE INDEX invoices_group_period ON invoices (group_number, period_start DESC);

-- One line per subscriber (contract) billed: the family's plan and tier on the period's first day.
CREATE TABLE invoice_lines (
  invoice_number text NOT NULL REFERENCES invoices (invoice_number),
  member_id text NOT NULL REFERENCES members (member_id),
  plan_code text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('EMP', 'ESP', 'ECH', 'FAM')),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (invoice_number, member_id)
);

-- Who joined a group through Bill Pay, on which terms and with which proof. The proof itself (an
-- invoice number or amount) is not kept, only which kind it was.
CREATE TABLE bill_pay_sign_ups (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  group_number text NOT NULL REFERENCES groups (group_number),
  terms_version text NOT NULL,
  accepted_at timestamptz NOT NULL,
  proof text NOT NULL CHECK (proof IN ('invoice_number', 'amount')),
  ip text
);
CREATE INDEX bill_pay_sign_ups_user ON bill_pay_sign_ups (user_id, accepted_at);

-- Sign-ups refused for a wrong proof (or an unknown group: the same answer). They are committed even
-- though the request fails, so guessing invoice amounts is throttled per user. The group is as typed.
CREATE TABLE bill_pay_proof_failures (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  group_number text NOT NULL,
  ip text,
  at timestamptz NOT NULL
);
CREATE INDEX bill_pay_proof_failures_user ON bill_pay_proof_failures (user_id, at);
