-- A keyed fingerprint (HMAC-SHA256 under a key derived from the SSN key) of each member's SSN, so
-- "is this person already enrolled here?" is an index lookup instead of decrypting candidates, and
-- the unique index makes two enrollments of one employee sent at once impossible, not just unlikely.
-- The fingerprint cannot be reversed without the key (a bare hash of a 9-digit number could be).
ALTER TABLE members ADD COLUMN ssn_fingerprint bytea;
CREATE UNIQUE INDEX members_subscriber_ssn ON members (group_number, ssn_fingerprint) WHERE relationship = 'subscriber' AND ssn_fingerprint IS NOT NULL;
