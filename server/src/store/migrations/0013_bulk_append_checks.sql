-- A large group's invoice writes a line per family and a feed entry per line, and PostgreSQL checks
-- a foreign key row by row (a lookup and a row lock each): these two checks were a third of the time
-- an invoice of a 250,000-member group took. Each is already enforced once per statement instead:
--
-- changes.group_number: every entry is appended by a statement that also writes the group's
-- group_feeds row (services/changes/append.ts), and that row references groups; a group with a feed
-- row cannot be removed.
ALTER TABLE changes DROP CONSTRAINT changes_group_number_fkey;
-- invoice_lines.member_id: lines are written only from the members table itself, to each family's
-- subscriber_id, which references members (services/billing/premium-lines.ts); members are never
-- deleted, only terminated (their coverage end-dated).
ALTER TABLE invoice_lines DROP CONSTRAINT invoice_lines_member_id_fkey;
