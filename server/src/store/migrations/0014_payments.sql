-- Bill Pay part 2: paying invoices by ACH debit. Bank accounts (the number encrypted under the
-- service's bank-account key, only its last four in clear), payments and how each is spread over
-- invoices, and autopay enrollments with the authorization accepted. The ACH file writer marks what
-- went into a file (ach_trace, ach_file_date) on payments and on bank accounts (prenote or
-- micro-deposits sent).

CREATE TABLE bank_accounts (
  id text PRIMARY KEY CHECK (id ~ '^BA-[0-9A-HJKMNP-TV-Z]{8}$'),
  group_number text NOT NULL REFERENCES groups (group_number),
  nickname text NOT NULL CHECK (char_length(nickname) BETWEEN 1 AND 40),
  holder_name text NOT NULL CHECK (char_length(holder_name) BETWEEN 1 AND 22),
  routing_number text NOT NULL CHECK (routing_number ~ '^[0-9]{9}$'),
  -- AES-256-GCM of the account number: iv ‖ tag ‖ ciphertext, a fresh iv per value.
  account_number_encrypted bytea NOT NULL,
  account_last4 text NOT NULL CHECK (account_last4 ~ '^[0-9]{4}$'),
  account_type text NOT NULL CHECK (account_type IN ('checking', 'savings')),
  status text NOT NULL DEFAULT 'verifying' CHECK (status IN ('verifying', 'verified', 'failed', 'disabled')),
  verification_method text NOT NULL CHECK (verification_method IN ('prenote', 'micro_deposits')),
  -- Prenote: the day its file was sent, and the first day a debit may be dated.
  prenote_sent_on date,
  usable_from date,
  -- Micro-deposits: the two amounts (never shown; the user proves them), tries left, whether sent.
  micro_deposit_1_cents integer CHECK (micro_deposit_1_cents BETWEEN 1 AND 99),
  micro_deposit_2_cents integer CHECK (micro_deposit_2_cents BETWEEN 1 AND 99),
  tries_left integer CHECK (tries_left BETWEEN 0 AND 3),
  deposits_sent boolean NOT NULL DEFAULT false,
  -- Why it may not be debited, in plain words (a return's or a failed verification's).
  problem text,
  -- The prenote's or first micro-deposit's trace number and file date, set by the ACH file writer.
  ach_trace text,
  ach_file_date date,
  -- A notification of change applied to it: the code and when.
  noc_code text CHECK (noc_code IN ('C01', 'C02', 'C03')),
  noc_at timestamptz,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  removed_at timestamptz,
  CHECK (
    (verification_method = 'micro_deposits' AND micro_deposit_1_cents IS NOT NULL AND micro_deposit_2_cents IS NOT NULL AND tries_left IS NOT NULL AND usable_from IS NULL)
    OR (verification_method = 'prenote' AND micro_deposit_1_cents IS NULL AND micro_deposit_2_cents IS NULL AND tries_left IS NULL)
  ),
  CHECK (status NOT IN ('failed', 'disabled') OR problem IS NOT NULL)
);
CREATE INDEX bank_accounts_group ON bank_accounts (group_number, added_at);
CREATE UNIQUE INDEX bank_accounts_trace ON bank_accounts (ach_trace) WHERE ach_trace IS NOT NULL;

CREATE TABLE payments (
  -- PAY-<YYMMDD of submission>-<6 random Crockford characters>.
  confirmation_number text PRIMARY KEY CHECK (confirmation_number ~ '^PAY-[0-9]{6}-[0-9A-HJKMNP-TV-Z]{6}$'),
  group_number text NOT NULL REFERENCES groups (group_number),
  bank_account_id text NOT NULL REFERENCES bank_accounts (id),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  payment_date date NOT NULL,
  settlement_date date NOT NULL CHECK (settlement_date > payment_date),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'processing', 'settled', 'returned', 'cancelled')),
  autopay boolean NOT NULL DEFAULT false,
  -- Autopay debits one invoice at most once, whatever becomes of the debit (skipped, returned).
  autopay_invoice_number text UNIQUE REFERENCES invoices (invoice_number),
  pre_debit_notice_at timestamptz,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  settled_at timestamptz,
  returned_at timestamptz,
  return_code text CHECK (return_code ~ '^R[0-9]{2}$'),
  return_reason text,
  authorization_version text NOT NULL,
  -- Set by the ACH file writer when the debit goes into a file.
  ach_trace text,
  ach_file_date date,
  CHECK (autopay = (autopay_invoice_number IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  -- A return may come after the debit settled, so a returned payment may carry both instants.
  CHECK (status <> 'settled' OR settled_at IS NOT NULL),
  CHECK (status NOT IN ('scheduled', 'processing', 'cancelled') OR settled_at IS NULL),
  CHECK ((status = 'returned') = (returned_at IS NOT NULL AND return_code IS NOT NULL AND return_reason IS NOT NULL))
);
CREATE INDEX payments_group ON payments (group_number, submitted_at DESC);
CREATE INDEX payments_open_status ON payments (status, payment_date) WHERE status IN ('scheduled', 'processing');
CREATE UNIQUE INDEX payments_trace ON payments (ach_trace) WHERE ach_trace IS NOT NULL;

CREATE TABLE payment_allocations (
  confirmation_number text NOT NULL REFERENCES payments (confirmation_number),
  invoice_number text NOT NULL REFERENCES invoices (invoice_number),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (confirmation_number, invoice_number)
);
CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_number);

CREATE TABLE autopay (
  group_number text PRIMARY KEY REFERENCES groups (group_number),
  status text NOT NULL CHECK (status IN ('active', 'suspended', 'cancelled')),
  bank_account_id text NOT NULL REFERENCES bank_accounts (id),
  timing text NOT NULL CHECK (timing IN ('due_date', 'days_before')),
  days_before integer CHECK (days_before BETWEEN 1 AND 10),
  authorization_version text NOT NULL,
  -- SHA-256 of the authorization text accepted, so the exact words can be proved later.
  authorization_text_hash text NOT NULL CHECK (authorization_text_hash ~ '^[0-9a-f]{64}$'),
  accepted_by text NOT NULL,
  accepted_at timestamptz NOT NULL,
  accepted_ip text,
  suspended_reason text,
  skipped_invoices jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL,
  CHECK ((timing = 'days_before') = (days_before IS NOT NULL)),
  CHECK (status = 'active' OR suspended_reason IS NOT NULL)
);

-- Every change of a payment goes onto the group's change feed as a `payment` entry.
ALTER TABLE changes DROP CONSTRAINT changes_entity_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_entity_kind_check
  CHECK (entity_kind IN ('member', 'coverage', 'transaction', 'invoice', 'invoice_line', 'invoice_adjustment', 'payment', 'user'));
