import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { memberEmployeeClass } from './0007_member_employee_class';

describe('0007_member_employee_class', () => {
  it('adds a nullable employee_class to members, after every earlier step', () => {
    const db = new Database(':memory:');
    applyPragmas(db);
    const before = migrations.filter((m) => m.version < memberEmployeeClass.version);
    migrate(db, before);
    migrate(db, [...before, memberEmployeeClass]);
    const column = (db.prepare(`PRAGMA table_info(members)`).all() as { name: string; type: string; notnull: number }[]).find((c) => c.name === 'employee_class');
    expect(column).toEqual(expect.objectContaining({ type: 'TEXT', notnull: 0 }));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
  });
});
