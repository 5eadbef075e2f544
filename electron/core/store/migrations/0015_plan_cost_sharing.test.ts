import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { applyPragmas } from '../pragmas';
import { migrations } from './index';
import { planCostSharing } from './0015_plan_cost_sharing';

describe('0015_plan_cost_sharing', () => {
  it('keeps groups and plans replicated before it, with no cost sharing nor phone until the plan sends them', () => {
    const db = new Database(path.join(mkdtempSync(path.join(os.tmpdir(), 'groupdesk-0015-')), 'store.sqlite3'));
    applyPragmas(db);
    migrate(db, migrations.filter((m) => m.version < planCostSharing.version));
    db.exec(`INSERT INTO groups (group_number, name, region, address, policy, updated_at) VALUES ('1234', 'G', 'R', '{}', '{}', 'now');
      INSERT INTO plans (group_number, plan_code, name, kind, position) VALUES ('1234', 'PPO-1', 'PPO', 'PPO', 0);`);
    migrate(db, migrations);
    expect(db.prepare('SELECT g.member_services_phone, p.cost_sharing FROM groups g JOIN plans p USING (group_number)').all()).toEqual([{ member_services_phone: null, cost_sharing: null }]);
    expect(() => db.prepare(`UPDATE plans SET cost_sharing = 'not json'`).run()).toThrow(/CHECK constraint failed/);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });
});
