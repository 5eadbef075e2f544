-- Two-step sign-in (docs/security.md#two-step-sign-in): a TOTP secret per user, sealed with the
-- service key (the row's user ID as associated data) and turned on only once a first code proves the
-- authenticator holds it; single-use recovery codes kept as hashes; short-lived challenges between
-- the password and the code; remembered computers; and sessions limited to enrolling.
CREATE TABLE two_factor (
  user_id text PRIMARY KEY REFERENCES users (user_id),
  secret_sealed bytea NOT NULL,
  -- NULL while the secret waits for its first code.
  enabled_at timestamptz,
  -- The last 30-second step a code was accepted in: a code of that step or an earlier one is refused (replay).
  last_step bigint,
  created_at timestamptz NOT NULL
);

CREATE TABLE recovery_codes (
  user_id text NOT NULL REFERENCES users (user_id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Between a right password and the second factor: only the hash of the challenge id is kept.
CREATE TABLE sign_in_challenges (
  challenge_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);

-- "Remember this computer": the token is signed; its row lets it be revoked before it expires.
CREATE TABLE trusted_devices (
  device_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX trusted_devices_user ON trusted_devices (user_id);

-- A session of a user whose role requires two-step sign-in before they have set it up reaches only enrollment.
ALTER TABLE sessions ADD COLUMN limited_to text CHECK (limited_to IN ('two_factor_enrollment'));
