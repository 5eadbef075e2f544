import type { Migration } from './migration';

/**
 * Roster search and paging over 250,000 members (issue "Foundation", roster.* benchmarks).
 *
 * - members_fts: external-content FTS5 over names, prefix indexes of 2 and 3 characters so typing
 *   "ok" or "oka" reads a prefix index instead of scanning terms; diacritics folded so "munoz" finds
 *   "Muñoz". Member IDs are digits with a unique index, so their prefixes use that index instead.
 * - Triggers keep the index right for single-row writes; bulk loads drop them, insert, `rebuild`
 *   and restore them (store/derived-tables.ts) because trigger upkeep is ~7x slower.
 * - members_by_last_name: the flat roster sorted by name.
 * - subscribers_by_last_name: family grouping walks subscribers in name order and fetches each
 *   family through members_by_family, so the first page never sorts the whole group.
 * - members_by_ssn_last4: the exact last-4 search; full SSNs are never searchable.
 */
const sql = /* sql */ `
CREATE VIRTUAL TABLE members_fts USING fts5(
  first_name, last_name,
  content = 'members', content_rowid = 'id',
  prefix = '2 3',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER members_fts_after_insert AFTER INSERT ON members BEGIN
  INSERT INTO members_fts (rowid, first_name, last_name) VALUES (new.id, new.first_name, new.last_name);
END;
CREATE TRIGGER members_fts_after_delete AFTER DELETE ON members BEGIN
  INSERT INTO members_fts (members_fts, rowid, first_name, last_name) VALUES ('delete', old.id, old.first_name, old.last_name);
END;
CREATE TRIGGER members_fts_after_update AFTER UPDATE OF first_name, last_name ON members BEGIN
  INSERT INTO members_fts (members_fts, rowid, first_name, last_name) VALUES ('delete', old.id, old.first_name, old.last_name);
  INSERT INTO members_fts (rowid, first_name, last_name) VALUES (new.id, new.first_name, new.last_name);
END;

CREATE INDEX members_by_last_name ON members (group_number, last_name, first_name, member_id);
CREATE INDEX subscribers_by_last_name ON members (group_number, last_name, first_name, member_id) WHERE relationship = 'subscriber';
CREATE INDEX members_by_family ON members (subscriber_id, member_id);
CREATE INDEX members_by_ssn_last4 ON members (group_number, ssn_last4) WHERE ssn_last4 IS NOT NULL;
`;

export const memberSearch: Migration = {
  version: 2,
  name: '0002_member_search',
  up: (db) => {
    db.exec(sql);
    // Rows written before this step (none in a new store) join the index.
    db.exec(`INSERT INTO members_fts (members_fts) VALUES ('rebuild')`);
  },
};
