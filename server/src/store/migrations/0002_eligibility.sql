-- Eligibility: members, coverage history, eligibility transactions, ID-card requests and the
-- per-group change feed the desktop pulls (docs/architecture.md#pull).

-- Plan-assigned subscriber numbers (9 digits). Dependents take `<subscriber>-NN` from their family.
-- The sandbox seeder moves this past the highest number it loads.
CREATE SEQUENCE subscriber_number_seq AS bigint MINVALUE 100000000 MAXVALUE 999999999 START 300000001;

-- Confirmation numbers of accepted transactions (`TX-YYYYMMDD-NNNNNNN`).
CREATE SEQUENCE confirmation_number_seq AS bigint START 1;

CREATE TABLE members (
  member_id text PRIMARY KEY CHECK (member_id ~ '^[0-9]{9}(-[0-9]{2})?$'),
  group_number text NOT NULL REFERENCES groups (group_number),
  subscriber_id text NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('subscriber', 'spouse', 'domestic_partner', 'child', 'stepchild', 'adopted_child', 'foster_child')),
  first_name text NOT NULL,
  middle_name text,
  last_name text NOT NULL,
  suffix text,
  date_of_birth date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('F', 'M', 'U')),
  -- AES-256-GCM (iv ‖ tag ‖ ciphertext) under the service's SSN key; the last four digits are kept
  -- apart so search and masking never decrypt (docs/architecture.md#storage).
  ssn_encrypted bytea,
  ssn_last4 text CHECK (ssn_last4 ~ '^[0-9]{4}$'),
  address jsonb NOT NULL,
  phone text,
  email text,
  hire_date date,
  employment_status text CHECK (employment_status IN ('FT', 'PT')),
  disabled boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  -- One subscriber per family: the subscriber is its own subscriber, a dependent hangs off one.
  CHECK ((relationship = 'subscriber') = (member_id = subscriber_id)),
  FOREIGN KEY (subscriber_id) REFERENCES members (member_id)
);
CREATE INDEX members_group_family ON members (group_number, subscriber_id);
CREATE INDEX members_group_last_name ON members (group_number, last_name, first_name);
CREATE INDEX members_group_ssn_last4 ON members (group_number, ssn_last4);

-- Coverage history: rows are only ever appended or end-dated, never rewritten, so what the plan
-- covered on any past day can be answered later (premium reconciliation, retro adjustments).
CREATE TABLE coverage_periods (
  id bigserial PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (member_id),
  group_number text NOT NULL REFERENCES groups (group_number),
  plan_code text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('EMP', 'ESP', 'ECH', 'FAM')),
  start_date date NOT NULL,
  end_date date,
  reason text NOT NULL,
  end_reason text,
  created_at timestamptz NOT NULL
);
CREATE INDEX coverage_periods_member ON coverage_periods (member_id, start_date);
CREATE INDEX coverage_periods_group ON coverage_periods (group_number);

CREATE TABLE eligibility_transactions (
  confirmation_number text PRIMARY KEY,
  group_number text NOT NULL REFERENCES groups (group_number),
  kind text NOT NULL CHECK (kind IN ('enroll', 'add_dependent', 'terminate', 'reinstate', 'update_demographics', 'id_cards')),
  -- The request as accepted, with any SSN reduced to its last four digits.
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted')),
  actor_user_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX eligibility_transactions_group ON eligibility_transactions (group_number, created_at);

CREATE TABLE id_card_requests (
  id bigserial PRIMARY KEY,
  confirmation_number text NOT NULL REFERENCES eligibility_transactions (confirmation_number),
  group_number text NOT NULL REFERENCES groups (group_number),
  member_id text NOT NULL REFERENCES members (member_id),
  reason text NOT NULL,
  ship_to text NOT NULL CHECK (ship_to IN ('member', 'employer')),
  created_at timestamptz NOT NULL
);
CREATE INDEX id_card_requests_member ON id_card_requests (member_id);

-- The feed counter: one row per group. A writer takes this row's lock (UPDATE … RETURNING) as the
-- last step of its transaction and holds it until commit, so sequence numbers of one group are
-- handed out in commit order and a reader paging by `after` can never skip a lower number that
-- commits later (which a global sequence shared by concurrent transactions would allow).
CREATE TABLE group_feeds (
  group_number text PRIMARY KEY REFERENCES groups (group_number),
  last_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE changes (
  group_number text NOT NULL REFERENCES groups (group_number),
  seq bigint NOT NULL,
  entity_kind text NOT NULL CHECK (entity_kind IN ('member', 'coverage', 'transaction', 'invoice', 'user')),
  entity_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  -- A snapshot of the entity after the change (SSN masked); null for a delete.
  payload jsonb,
  committed_at timestamptz NOT NULL,
  PRIMARY KEY (group_number, seq)
);
