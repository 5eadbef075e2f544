-- The families changed since a group's previous invoice (its adjustments) are its members updated
-- since then: a range of this index, a few rows, where the group's members were read whole.
CREATE INDEX members_group_updated ON members (group_number, updated_at);
