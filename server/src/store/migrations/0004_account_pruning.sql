-- Indexes for the hourly pruning of sign-in records (jobs/prune-accounts.ts): without them each
-- pass would scan tables that a password-spraying attack can grow by the million.
CREATE INDEX login_attempts_at ON login_attempts (at);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX email_verifications_expires ON email_verifications (expires_at);
CREATE INDEX lockouts_until ON lockouts (locked_until);
