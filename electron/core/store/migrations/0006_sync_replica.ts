import type { Migration } from './migration';

const tiers = `'EMP','ESP','ECH','FAM'`;

/**
 * What the sync engine needs to keep a replica of the plan (docs/architecture.md#pull):
 *
 * - coverage_periods is rebuilt with `remote_id` (the plan's period id, so an end-dating arrives on
 *   the right row) and `end_reason`, and with a CHECK that accepts a period the plan replaced on its
 *   first day (it ends the day before it starts: it never was in force, but it is history).
 *   SQLite cannot change a CHECK in place, hence the copy.
 * - remote_pending holds remote snapshots the pull could not apply yet: a member whose local row
 *   has a change the plan has not answered (pending_sync = 1; applied by applyDeferredRemote once
 *   the change is resolved), or a new member whose coverage is on the next feed page.
 * - sync_index_holiday: the roster indexes a large first pull dropped, to rebuild when it ends (or
 *   at the next start, after a crash in between).
 */
const sql = /* sql */ `
CREATE TABLE coverage_periods_v6 (
  id INTEGER PRIMARY KEY,
  member_ref INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  group_number TEXT NOT NULL,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN (${tiers})),
  start_date TEXT NOT NULL,
  end_date TEXT CHECK (end_date IS NULL OR end_date >= date(start_date, '-1 day')),
  reason TEXT NOT NULL,
  remote_id INTEGER,
  end_reason TEXT,
  FOREIGN KEY (group_number, plan_code) REFERENCES plans (group_number, plan_code)
) STRICT;
INSERT INTO coverage_periods_v6 (id, member_ref, group_number, plan_code, tier, start_date, end_date, reason)
  SELECT id, member_ref, group_number, plan_code, tier, start_date, end_date, reason FROM coverage_periods;
DROP TABLE coverage_periods;
ALTER TABLE coverage_periods_v6 RENAME TO coverage_periods;
CREATE INDEX coverage_periods_by_member ON coverage_periods (member_ref, start_date);
CREATE UNIQUE INDEX coverage_periods_by_remote_id ON coverage_periods (remote_id) WHERE remote_id IS NOT NULL;
CREATE TRIGGER coverage_periods_append_only BEFORE UPDATE OF member_ref, group_number, plan_code, tier, start_date, reason, remote_id ON coverage_periods
BEGIN
  SELECT RAISE(ABORT, 'Coverage history is end-dated and appended, never rewritten');
END;

CREATE TABLE remote_pending (
  entity TEXT NOT NULL CHECK (entity IN ('member', 'coverage')),
  entity_id TEXT NOT NULL,
  group_number TEXT NOT NULL REFERENCES groups (group_number) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  committed_at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX remote_pending_by_member ON remote_pending (member_id);

CREATE TABLE sync_index_holiday (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

export const syncReplica: Migration = {
  version: 6,
  name: '0006_sync_replica',
  up: (db) => db.exec(sql),
};
