-- Requests for an exception: a group asks the plan to allow a change its rules refused (a qualifying
-- event reported after its window), with a note. Plan staff list them with `ops exceptions`.
CREATE SEQUENCE exception_reference_seq;

CREATE TABLE exception_requests (
  -- EX-<day received>-<plan-wide counter>: quoted to the user, who quotes it back to plan staff.
  reference_number text PRIMARY KEY,
  group_number text NOT NULL REFERENCES groups (group_number),
  -- The user who asked (no reference: the audit log keeps who did what even if the account goes).
  requested_by text NOT NULL,
  -- The member the refused change is about; null for a new enrollment.
  member_id text REFERENCES members (member_id),
  change_kind text NOT NULL,
  -- What the refused change asked for, SSNs masked.
  input_summary jsonb NOT NULL,
  rule_code text NOT NULL,
  rule_message text NOT NULL,
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open')),
  created_at timestamptz NOT NULL
);
CREATE INDEX exception_requests_by_group ON exception_requests (group_number, created_at DESC);
