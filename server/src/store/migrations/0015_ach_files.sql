-- The ACH files the plan sends and reads: each business day's origination file as sent (so writing
-- the day again gives the same bytes), the returns and notifications of change already applied (so
-- a returns file read twice acts once), and the counters trace numbers and 820 interchanges draw on.

CREATE TABLE ach_files (
  file_date date PRIMARY KEY,
  -- The file's text; NULL when the day had nothing to send (no file went to the bank).
  text text,
  created_at timestamptz NOT NULL,
  entry_count integer NOT NULL CHECK (entry_count >= 0),
  total_debit_cents bigint NOT NULL CHECK (total_debit_cents >= 0),
  total_credit_cents bigint NOT NULL CHECK (total_credit_cents >= 0),
  CHECK ((text IS NULL) = (entry_count = 0))
);

CREATE TABLE ach_return_imports (
  -- The trace number of the plan's entry the bank sent back, and the return or change code.
  original_trace text NOT NULL CHECK (original_trace ~ '^[0-9]{15}$'),
  code text NOT NULL CHECK (code ~ '^[RC][0-9]{2}$'),
  -- What it came to, for the operator: the payment's confirmation number or the bank account.
  target text NOT NULL,
  outcome text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (original_trace, code)
);

-- The last seven digits of trace numbers: unique across files, since returns name entries by trace.
CREATE SEQUENCE ach_trace_sequence MINVALUE 1 MAXVALUE 9999999 CYCLE;

-- ISA13/GS06 of each 820 interchange, so whoever reads them can tell a repeat.
CREATE SEQUENCE x12_interchange_control MINVALUE 1 MAXVALUE 999999999 CYCLE;
