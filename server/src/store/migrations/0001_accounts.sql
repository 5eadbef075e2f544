-- Accounts, sessions, groups and their plans, roles, primary-administrator requests, invitations,
-- the audit log and idempotency keys. Instants are written by the service from its clock (not
-- now()) so that expiry can be tested with an injected clock.

CREATE TABLE users (
  -- Stored lower-case: user IDs are case-insensitive, as on every carrier portal.
  user_id text PRIMARY KEY CHECK (user_id ~ '^[a-z0-9._-]{6,32}$'),
  password_hash text NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  email_verified_at timestamptz,
  password_changed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);

-- A verification sends both a link (long token) and a short code; either verifies, once.
CREATE TABLE email_verifications (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  token_hash text NOT NULL UNIQUE,
  code_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX email_verifications_user ON email_verifications (user_id, created_at);

-- Bearer sessions: only the SHA-256 of the token is kept, so a database leak yields no usable token.
CREATE TABLE sessions (
  session_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (user_id, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- `subject` is `user:<id>` or `ip:<address>`.
CREATE TABLE lockouts (
  subject text PRIMARY KEY,
  locked_until timestamptz NOT NULL
);

CREATE TABLE groups (
  group_number text PRIMARY KEY CHECK (group_number ~ '^[0-9]{4,10}$'),
  name text NOT NULL,
  address jsonb NOT NULL,
  region text NOT NULL,
  policy jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Monthly premium per coverage tier in integer cents.
CREATE TABLE plans (
  group_number text NOT NULL REFERENCES groups (group_number),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('HMO', 'PPO', 'EPO', 'HDHP')),
  rate_emp bigint NOT NULL CHECK (rate_emp >= 0),
  rate_esp bigint NOT NULL CHECK (rate_esp >= 0),
  rate_ech bigint NOT NULL CHECK (rate_ech >= 0),
  rate_fam bigint NOT NULL CHECK (rate_fam >= 0),
  PRIMARY KEY (group_number, code)
);

CREATE TABLE group_users (
  user_id text NOT NULL REFERENCES users (user_id),
  group_number text NOT NULL REFERENCES groups (group_number),
  role text NOT NULL CHECK (role IN ('primary_admin', 'admin', 'billing', 'read_only')),
  granted_at timestamptz NOT NULL,
  granted_by text NOT NULL,
  PRIMARY KEY (user_id, group_number)
);
CREATE INDEX group_users_group ON group_users (group_number);

-- Confirmation numbers `PA-<year>-<6 digits>`.
CREATE SEQUENCE access_request_seq AS bigint START 100;

-- Requests to become a group's primary administrator; an operator approves or rejects them. The
-- group number is as the requester typed it: it may name a group that does not exist.
CREATE TABLE access_requests (
  confirmation_number text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  company_name text NOT NULL,
  group_number text NOT NULL,
  officer_name text NOT NULL,
  officer_title text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text NOT NULL,
  attested_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  expected_completion date NOT NULL,
  decided_at timestamptz,
  decided_by text,
  decision_reason text,
  created_at timestamptz NOT NULL
);
CREATE INDEX access_requests_user ON access_requests (user_id, created_at);
CREATE INDEX access_requests_status ON access_requests (status, created_at);

-- Additional users invited by a primary administrator; the access code is kept hashed.
CREATE TABLE invitations (
  id bigserial PRIMARY KEY,
  group_number text NOT NULL REFERENCES groups (group_number),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'billing', 'read_only')),
  access_code_hash text NOT NULL,
  invited_by text NOT NULL REFERENCES users (user_id),
  expires_at timestamptz NOT NULL,
  accepted_by text REFERENCES users (user_id),
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX invitations_group ON invitations (group_number);

-- Who did what, when, from which session: one row per write, in the write's own transaction.
-- `actor` is a user ID, or `ops:<name>` for an operator command.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor text NOT NULL,
  session_id text,
  action text NOT NULL,
  target text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  ip text,
  at timestamptz NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target, at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

-- The stored answer to a write sent with an Idempotency-Key, so a retried request is answered
-- the same way and changes nothing the second time.
CREATE TABLE idempotency_keys (
  user_id text NOT NULL REFERENCES users (user_id),
  key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer NOT NULL,
  response_body jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
