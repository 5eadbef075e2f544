import { describe, expect, it } from 'vitest';
import { statement } from '../store/statements';
import { fileStore } from '../test-support/transactions-test-store';
import { endIndexHoliday, onIndexHoliday, startIndexHoliday } from './index-holiday';

const indexesOf = (db: ReturnType<typeof fileStore>['db'], table: string) =>
  statement(db, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`).pluck().all(table);

describe('the index holiday of a large first pull', () => {
  it('drops the members’ and invoice lines’ secondary indexes, and builds the same ones again at its end', () => {
    const { db } = fileStore();
    const before = { members: indexesOf(db, 'members'), lines: indexesOf(db, 'invoice_lines') };
    expect(before.lines).toEqual(['invoice_lines_by_amount', 'invoice_lines_by_group', 'invoice_lines_by_name', 'invoice_lines_by_plan', 'invoice_lines_by_tier']);
    db.transaction(() => startIndexHoliday(db))();
    expect(onIndexHoliday(db)).toBe(true);
    expect([indexesOf(db, 'members'), indexesOf(db, 'invoice_lines')]).toEqual([[], []]);
    db.transaction(() => endIndexHoliday(db))();
    expect({ members: indexesOf(db, 'members'), lines: indexesOf(db, 'invoice_lines') }).toEqual(before);
    expect(onIndexHoliday(db)).toBe(false);
  });
});
