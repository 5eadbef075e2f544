-- Bill Pay sign-up, tightened: the proof is the latest invoice's number and amount together (older
-- sign-ups keep the kind they used), refused proofs are counted per group number as well as per
-- user, and the terms version each user last accepted is kept per group, so a new version can be
-- asked for again.

ALTER TABLE bill_pay_sign_ups DROP CONSTRAINT bill_pay_sign_ups_proof_check;
ALTER TABLE bill_pay_sign_ups ADD CONSTRAINT bill_pay_sign_ups_proof_check CHECK (proof IN ('invoice_number', 'amount', 'invoice_number_and_amount'));

-- The per-group count (services/billing/proof-throttle.ts) reads a group number's last hour.
CREATE INDEX bill_pay_proof_failures_group ON bill_pay_proof_failures (group_number, at);

-- The Bill Pay terms a user accepted for a group, latest first replaced: at sign-up, and again when
-- a new version is in force. Every acceptance is also in the audit log.
CREATE TABLE bill_pay_terms_acceptances (
  user_id text NOT NULL REFERENCES users (user_id),
  group_number text NOT NULL REFERENCES groups (group_number),
  terms_version text NOT NULL CHECK (terms_version ~ '^[0-9]{4}-[0-9]{2}$'),
  accepted_at timestamptz NOT NULL,
  ip text,
  PRIMARY KEY (user_id, group_number)
);

-- Those who signed up before keep what they accepted then (so they are asked for the new version).
INSERT INTO bill_pay_terms_acceptances (user_id, group_number, terms_version, accepted_at, ip)
SELECT DISTINCT ON (user_id, group_number) user_id, group_number, terms_version, accepted_at, ip
FROM bill_pay_sign_ups
ORDER BY user_id, group_number, accepted_at DESC;
