import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { payments } from './0011_payments';

const before = migrations.filter((m) => m.version < payments.version);
/** Up to this step only: later steps change the outbox again (0012 adds batch_ref). */
const throughPayments = migrations.filter((m) => m.version <= payments.version);

/** A version 10 file with an outbox that has every kind of link: members, a correction, a draft, a notification. */
function storeAtVersion10(): Database.Database {
  const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'groupdesk-0011-')), 'store.sqlite3'));
  applyPragmas(db);
  migrate(db, before);
  db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
    INSERT INTO outbox (id, idempotency_key, group_number, kind, member_id, payload, status, attempts, error, last_error, summary, undo, created_by, created_at, updated_at)
      VALUES (1, 'k1', '1234', 'terminate', '123456789', '{"a":1}', 'corrected', 1, '{"code":"RULE","message":"No"}', NULL, 'Terminate', '{}', 'u', 't', 't'),
             (2, 'k2', '1234', 'terminate', '123456789', '{"a":2}', 'queued', 3, NULL, 'timed out', 'Terminate again', '{"members":[]}', 'u', 't', 't');
    UPDATE outbox SET replaced_by = 2 WHERE id = 1;
    INSERT INTO outbox_members (outbox_ref, member_id) VALUES (1, '123456789'), (2, '123456789'), (2, '123456789-01');
    INSERT INTO wizard_drafts (id, wizard, group_number, step, data, outbox_ref, created_by, created_at, updated_at) VALUES (7, 'terminate', '1234', 's', '{}', 2, 'u', 't', 't');
    INSERT INTO notifications (id, group_number, kind, title, body, outbox_ref, created_at) VALUES (9, '1234', 'transaction.rejected', 'T', 'B', 1, 't');`);
  return db;
}

describe('0011_payments', () => {
  it('rebuilds the outbox keeping every row, its members, its correction link, and the drafts and notifications that point at it', () => {
    const db = storeAtVersion10();
    const rowsBefore = db.prepare('SELECT * FROM outbox ORDER BY id').all();
    migrate(db, throughPayments);
    expect(db.prepare('SELECT * FROM outbox ORDER BY id').all()).toEqual(rowsBefore);
    expect(db.prepare('SELECT outbox_ref, member_id FROM outbox_members ORDER BY 1, 2').all()).toEqual([
      { outbox_ref: 1, member_id: '123456789' },
      { outbox_ref: 2, member_id: '123456789' },
      { outbox_ref: 2, member_id: '123456789-01' },
    ]);
    expect(db.prepare('SELECT outbox_ref FROM wizard_drafts WHERE id = 7').pluck().get()).toBe(2);
    expect(db.prepare('SELECT outbox_ref FROM notifications WHERE id = 9').pluck().get()).toBe(1);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['outbox_by_group', 'outbox_by_member', 'outbox_by_status']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(db.prepare('SELECT name FROM sqlite_temp_schema').all()).toEqual([]);
  });

  it('lets a payment wait for a new date, and keeps the replication tables per group', () => {
    const db = storeAtVersion10();
    migrate(db, throughPayments);
    db.prepare(`UPDATE outbox SET status = 'needs_new_date' WHERE id = 2`).run();
    expect(() => db.prepare(`UPDATE outbox SET status = 'lost' WHERE id = 2`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE outbox SET replaced_by = 99 WHERE id = 2`).run()).toThrow(/FOREIGN KEY/);

    db.prepare(`INSERT INTO payments VALUES ('PAY-261207-7KQ4M2', '1234', '{}', 'scheduled', '2026-12-07', 100, 't')`).run();
    expect(() => db.prepare(`INSERT INTO payments VALUES ('PAY-261207-7KQ4M3', '1234', '{}', 'lost', '2026-12-07', 100, 't')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO payments VALUES ('PAY-261207-7KQ4M4', '9999', '{}', 'scheduled', '2026-12-07', 100, 't')`).run()).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO bank_accounts_cache VALUES ('1234', '[]', 't')`).run();
    db.prepare(`INSERT INTO autopay_cache VALUES ('1234', '{"enrollment":null}', 't')`).run();
    db.prepare(`INSERT INTO payment_authorizations VALUES ('payment', '{}', 't')`).run();
    // A group's removal takes its payments, caches and outbox rows with it.
    db.prepare(`DELETE FROM groups WHERE group_number = '1234'`).run();
    for (const table of ['payments', 'bank_accounts_cache', 'autopay_cache', 'outbox', 'outbox_members']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });

  it('lists a group’s payments through an index', () => {
    const db = storeAtVersion10();
    migrate(db, throughPayments);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT payment FROM payments WHERE group_number = '1234' ORDER BY payment_date DESC`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING INDEX payments_by_group');
  });
});
