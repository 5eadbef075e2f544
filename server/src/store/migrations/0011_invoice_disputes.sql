-- Invoice disputes: a group's user marks a member line of an invoice (or the invoice as a whole) as
-- wrong, with a reason and a note; plan staff resolve it with a note of their own (ops resolve-dispute).
CREATE TABLE invoice_disputes (
  id bigserial PRIMARY KEY,
  invoice_number text NOT NULL REFERENCES invoices (invoice_number),
  -- The member line disputed; null for the whole invoice (a member covered but not billed has no line).
  member_id text REFERENCES members (member_id),
  reason text NOT NULL CHECK (reason IN ('billed_but_terminated', 'covered_not_billed', 'wrong_plan_or_tier', 'wrong_amount', 'other')),
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
  -- The user who filed it (no reference: the audit log keeps who did what even if the account goes).
  filed_by text NOT NULL,
  filed_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution_note text CHECK (char_length(resolution_note) BETWEEN 1 AND 1000),
  -- `ops:<login name>` of the operator who resolved it.
  resolved_by text,
  resolved_at timestamptz,
  CHECK (
    (status = 'open' AND resolution_note IS NULL AND resolved_by IS NULL AND resolved_at IS NULL)
    OR (status = 'resolved' AND resolution_note IS NOT NULL AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL)
  )
);
-- One open dispute per line, the whole invoice counting as a line of its own: a second is refused
-- (409 naming the first) so staff work each question once.
CREATE UNIQUE INDEX invoice_disputes_one_open_per_line ON invoice_disputes (invoice_number, coalesce(member_id, '')) WHERE status = 'open';
CREATE INDEX invoice_disputes_invoice ON invoice_disputes (invoice_number);
