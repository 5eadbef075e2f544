import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { initial } from './0001_initial';
import { memberSearch } from './0002_member_search';
import { memberTallies } from './0003_member_tallies';
import { familySortIndexes } from './0004_family_sort_indexes';
import { outboxLifecycle } from './0005_outbox_lifecycle';

const before = [initial, memberSearch, memberTallies, familySortIndexes];

function storeAtVersion4(): Database.Database {
  const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'groupdesk-0005-')), 'store.sqlite3'));
  applyPragmas(db);
  migrate(db, before);
  db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
    INSERT INTO outbox (id, idempotency_key, group_number, kind, member_id, payload, status, attempts, error, created_by, created_at, updated_at)
      VALUES (1, 'k1', '1234', 'terminate', '123456789', '{"a":1}', 'rejected', 2, 'Plain words from before', 'u', 't', 't'),
             (2, 'k2', '1234', 'id_cards', NULL, '{}', 'queued', 0, NULL, 'u', 't', 't');
    INSERT INTO wizard_drafts (id, wizard, group_number, step, data, outbox_ref, created_by, created_at, updated_at) VALUES (7, 'terminate', '1234', 's', '{}', 1, 'u', 't', 't');
    INSERT INTO notifications (id, group_number, kind, title, body, outbox_ref, created_at) VALUES (9, '1234', 'transaction.rejected', 'T', 'B', 1, 't');`);
  return db;
}

describe('0005_outbox_lifecycle', () => {
  it('keeps every outbox row, the drafts and notifications that point at them, and the indexes', () => {
    const db = storeAtVersion4();
    migrate(db, [...before, outboxLifecycle]);
    expect(db.prepare(`SELECT id, idempotency_key, status, attempts, error, summary, undo, replaced_by FROM outbox ORDER BY id`).all()).toEqual([
      { id: 1, idempotency_key: 'k1', status: 'rejected', attempts: 2, error: '{"code":"INTERNAL","message":"Plain words from before"}', summary: '', undo: '{}', replaced_by: null },
      { id: 2, idempotency_key: 'k2', status: 'queued', attempts: 0, error: null, summary: '', undo: '{}', replaced_by: null },
    ]);
    expect(db.prepare(`SELECT outbox_ref FROM wizard_drafts WHERE id = 7`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT outbox_ref FROM notifications WHERE id = 9`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT outbox_ref, member_id FROM outbox_members`).all()).toEqual([{ outbox_ref: 1, member_id: '123456789' }]);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['outbox_by_group', 'outbox_by_member', 'outbox_by_status']);
    expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    expect(db.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
    expect(db.prepare(`SELECT name FROM sqlite_temp_schema`).all()).toEqual([]);
  });

  it('allows the new statuses and links a corrected row to the one that replaced it', () => {
    const db = storeAtVersion4();
    migrate(db, [...before, outboxLifecycle]);
    db.prepare(`UPDATE outbox SET status = 'corrected', replaced_by = 2 WHERE id = 1`).run();
    db.prepare(`UPDATE outbox SET status = 'cancelled' WHERE id = 2`).run();
    expect(() => db.prepare(`UPDATE outbox SET status = 'lost' WHERE id = 2`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE outbox SET replaced_by = 99 WHERE id = 2`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE outbox SET error = 'not json' WHERE id = 2`).run()).toThrow(/CHECK/);
    // Deleting the replacement unlinks rather than deleting the corrected row.
    db.prepare(`DELETE FROM outbox WHERE id = 2`).run();
    expect(db.prepare(`SELECT status, replaced_by FROM outbox WHERE id = 1`).get()).toEqual({ status: 'corrected', replaced_by: null });
  });

  it('finds the next delivery and a group’s Activity through indexes', () => {
    const db = storeAtVersion4();
    migrate(db, [...before, outboxLifecycle]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM outbox WHERE group_number = '1234' ORDER BY id DESC LIMIT 10`)).toBe('SEARCH outbox USING INDEX outbox_by_group (group_number=?)');
    expect(plan(`SELECT outbox_ref FROM outbox_members WHERE member_id = '123456789'`)).toContain('USING COVERING INDEX outbox_members_by_member');
  });
});
