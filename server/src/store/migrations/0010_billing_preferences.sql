-- Each group's billing preferences: invoices on paper (the print vendor mails them) or paperless,
-- and who gets the e-mail announcing a new invoice. A group without a row has the defaults: paper,
-- and the notice to its primary administrators and billing users as they are when it is sent.
CREATE TABLE billing_preferences (
  group_number text PRIMARY KEY REFERENCES groups (group_number),
  paperless boolean NOT NULL DEFAULT false,
  -- E-mail addresses (a JSON array of strings); null for the default recipients.
  notice_recipients jsonb CHECK (notice_recipients IS NULL OR (jsonb_typeof(notice_recipients) = 'array' AND jsonb_array_length(notice_recipients) > 0)),
  -- Who last changed them, and when (the audit log keeps every change).
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
