import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { dropUnusedTables } from './0009_drop_unused_tables';

const dropped = ['audit_log', 'autopay_enrollments', 'bank_accounts', 'invoice_lines', 'invoices', 'payments'];
const names = (db: Database.Database, type: 'table' | 'index') =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);

describe('0009_drop_unused_tables', () => {
  it('drops the unused tables with their indexes from a version 8 file that has rows in them, and keeps the rest', () => {
    const db = new Database(':memory:');
    applyPragmas(db);
    const before = migrations.filter((m) => m.version < dropUnusedTables.version);
    migrate(db, before);
    db.exec(`
      INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO invoices VALUES ('inv-1', '1234', '2026-11', '2026-10-15', '2026-11-01', 0, 0, 100, 0, 100, 'open', 'now');
      INSERT INTO invoice_lines (invoice_number, member_id, member_name, plan_code, tier, coverage_month, kind, amount_cents) VALUES ('inv-1', '123456789', 'A B', 'P1', 'EMP', '2026-11', 'premium', 100);
      INSERT INTO bank_accounts (group_number, nickname, holder_name, routing_number, account_number_encrypted, account_last4, account_type, prenote_status, created_at)
        VALUES ('1234', 'Ops', 'G', '011000015', x'00', '6789', 'checking', 'verified', 'now');
      INSERT INTO payments (group_number, invoice_number, bank_account_ref, amount_cents, scheduled_date, status, autopay, created_at, updated_at) VALUES ('1234', 'inv-1', 1, 100, '2026-11-01', 'scheduled', 0, 'now', 'now');
      INSERT INTO autopay_enrollments VALUES ('1234', 1, 'active', 'now');
      INSERT INTO audit_log (at, actor, action) VALUES ('now', 'me', 'test');
    `);
    const tablesBefore = names(db, 'table');
    const indexesBefore = names(db, 'index');

    expect(migrate(db, [...before, dropUnusedTables])).toEqual({ from: 8, to: 9 });

    expect(names(db, 'table')).toEqual(tablesBefore.filter((t) => !dropped.includes(t)));
    expect(names(db, 'index')).toEqual(indexesBefore.filter((i) => !dropped.some((t) => i.startsWith(`${t}_`))));
    expect(db.prepare(`SELECT group_number FROM groups`).all()).toEqual([{ group_number: '1234' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A group still leaves without a dangling reference to the dropped tables.
    db.prepare(`DELETE FROM groups`).run();
  });
});
