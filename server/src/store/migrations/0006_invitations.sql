-- Invitations as a primary administrator manages them (issue 5): the invitee's name for the users
-- list and the e-mail, when the code was last sent and how often (a resend replaces the code and
-- restarts the 7 days), and the one lookup a typed code needs.
ALTER TABLE invitations ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE invitations ALTER COLUMN name DROP DEFAULT;
ALTER TABLE invitations ADD COLUMN sent_at timestamptz;
UPDATE invitations SET sent_at = created_at;
ALTER TABLE invitations ALTER COLUMN sent_at SET NOT NULL;
ALTER TABLE invitations ADD COLUMN resend_count integer NOT NULL DEFAULT 0 CHECK (resend_count >= 0);
-- Stored lower-case by the service, so "one pending invitation per address" is one comparison.
UPDATE invitations SET email = lower(email);
ALTER TABLE invitations ADD CONSTRAINT invitations_email_lower CHECK (email = lower(email));

-- A code is found by its hash alone; unique, so a code can never open two invitations.
CREATE UNIQUE INDEX invitations_access_code ON invitations (access_code_hash);
CREATE INDEX invitations_group_email ON invitations (group_number, email);

-- Every access code typed, right or wrong: wrong ones within the window lock code entry for the
-- user (and for an address trying many users), as login_attempts does for passwords.
CREATE TABLE access_code_attempts (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX access_code_attempts_user ON access_code_attempts (user_id, at);
CREATE INDEX access_code_attempts_ip ON access_code_attempts (ip, at);
CREATE INDEX access_code_attempts_at ON access_code_attempts (at);
