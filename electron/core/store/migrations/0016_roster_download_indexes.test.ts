import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { rosterDownloadIndexes } from './0016_roster_download_indexes';

const plan = (db: Database.Database, sql: string, params: Record<string, string>) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

describe('0016_roster_download_indexes', () => {
  it('keeps the coverage written before it, and answers a download\'s count and histories from indexes alone', () => {
    const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'groupdesk-0016-')), 'store.sqlite3'));
    applyPragmas(db);
    migrate(db, migrations.filter((m) => m.version < rosterDownloadIndexes.version));
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans (group_number, plan_code, name, kind, position) VALUES ('1234', 'P1', 'Plan', 'PPO', 0);
      INSERT INTO members (id, member_id, group_number, subscriber_id, relationship, first_name, last_name, date_of_birth, gender, address, plan_code, tier, effective_date, termination_date, updated_at)
        VALUES (1, '123456781', '1234', '123456781', 'subscriber', 'A', 'B', '1990-01-01', 'F', '{}', 'P1', 'EMP', '2024-01-01', NULL, 'now'),
               (2, '123456782', '1234', '123456782', 'subscriber', 'C', 'D', '1970-01-01', 'M', '{}', 'P1', 'EMP', '2024-01-01', '2026-03-31', 'now');
      INSERT INTO coverage_periods (member_ref, group_number, plan_code, tier, start_date, end_date, reason)
        VALUES (1, '1234', 'P1', 'EMP', '2024-01-01', NULL, 'Initial enrollment'), (2, '1234', 'P1', 'EMP', '2024-01-01', '2026-03-31', 'Initial enrollment');`);
    migrate(db, migrations);

    const count = `SELECT count(*) FROM members m WHERE m.group_number = @group AND coalesce(m.termination_date, '9999-12-31') >= @asOf`;
    expect(db.prepare(count).pluck().get({ group: '1234', asOf: '2026-06-01' })).toBe(1);
    expect(plan(db, count, { group: '1234', asOf: '2026-06-01' })).toEqual([`SEARCH m USING COVERING INDEX members_by_coverage_end (group_number=? AND <expr>>?)`]);

    const history = `SELECT plan_code, tier, start_date, end_date FROM coverage_periods WHERE member_ref = @ref ORDER BY start_date`;
    expect(db.prepare(history).all({ ref: '2' })).toEqual([{ plan_code: 'P1', tier: 'EMP', start_date: '2024-01-01', end_date: '2026-03-31' }]);
    expect(plan(db, history, { ref: '2' })).toEqual(['SEARCH coverage_periods USING COVERING INDEX coverage_periods_by_member (member_ref=?)']);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });
});
