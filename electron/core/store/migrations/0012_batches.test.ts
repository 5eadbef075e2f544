import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { batches } from './0012_batches';

describe('0012_batches', () => {
  it('keeps every outbox row, outside any batch, and a batch leaves its rows when its group goes', () => {
    const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'groupdesk-0012-')), 'store.sqlite3'));
    applyPragmas(db);
    migrate(db, migrations.filter((m) => m.version < batches.version));
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO outbox (id, idempotency_key, group_number, kind, member_id, payload, status, summary, created_by, created_at, updated_at)
        VALUES (1, 'k1', '1234', 'terminate', '123456789', '{}', 'queued', 'Terminate', 'u', 't', 't');`);
    migrate(db, migrations);
    expect(db.prepare('SELECT id, batch_ref FROM outbox').all()).toEqual([{ id: 1, batch_ref: null }]);

    db.exec(`INSERT INTO batches (id, group_number, kind, label, created_by, created_at) VALUES (5, '1234', 'bulk', 'Bulk termination of 1 member', 'u', 't');
      UPDATE outbox SET batch_ref = 5;
      INSERT INTO imports (id, group_number, file_name, format, created_by, created_at) VALUES (1, '1234', 'f.csv', 'csv', 'u', 't');
      INSERT INTO import_items (import_ref, position, location_kind, location_number, name, action, outcome) VALUES (1, 1, 'line', 2, 'A B', 'add', 'queue');`);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE batch_ref = 5`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('outbox_by_batch');
    db.exec(`DELETE FROM groups`);
    expect(db.prepare('SELECT (SELECT count(*) FROM batches) + (SELECT count(*) FROM imports) + (SELECT count(*) FROM import_items)').pluck().get()).toBe(0);
  });
});
