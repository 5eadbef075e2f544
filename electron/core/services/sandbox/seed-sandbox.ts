import type { Database } from 'better-sqlite3';
import { generateSandbox } from '../../../../shared/sandbox/generator';
import type { SandboxDataSet } from '../../../../shared/sandbox/types';
import { saveGroup } from '../../store/repositories/groups-repository';
import { bulkLoadMembers } from '../../store/repositories/member-bulk-load';
import { markReplicated } from '../../store/repositories/sync-cursors';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';

/** The local user of the sandbox: primary administrator of every sandbox group (one login, several groups). */
const sandboxUser = { login: 'sandbox.admin', email: 'admin@sandbox.groupdesk.test', displayName: 'Sandbox Administrator' };

export function isStoreEmpty(db: Database): boolean {
  return statement(db, 'SELECT NOT EXISTS (SELECT 1 FROM groups)').pluck().get() === 1;
}

/** Loads the sandbox plan's groups into an empty store; returns false (and does nothing) otherwise. */
export function seedSandboxIfEmpty(store: Store, today: string, now: string): boolean {
  if (!isStoreEmpty(store.db)) return false;
  loadSandbox(store, generateSandbox({ today }), now);
  return true;
}

/** One transaction: groups, plans and rates, members with history, the user's roles, and the "as of" time. */
export function loadSandbox(store: Store, data: SandboxDataSet, now: string): void {
  const { db } = store;
  db.transaction(() => {
    const userId = Number(
      statement(
        db,
        `INSERT INTO users (login, email, display_name, email_verified, created_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (login) DO UPDATE SET email = excluded.email RETURNING id`,
      )
        .pluck()
        .get(sandboxUser.login, sandboxUser.email, sandboxUser.displayName, now),
    );
    for (const { group, members } of data.groups) {
      // Rates are in force from the group's first coverage day, so every month on record has one.
      const firstCoverage = members.reduce((min, m) => (m.coverage[0] !== undefined && m.coverage[0].startDate < min ? m.coverage[0].startDate : min), data.today);
      saveGroup(db, group, firstCoverage, now);
      bulkLoadMembers(db, store.cipher, group.groupNumber, members, now);
      statement(db, `INSERT OR IGNORE INTO user_groups (user_id, group_number, role) VALUES (?, ?, 'primary_admin')`).run(userId, group.groupNumber);
      markReplicated(db, group.groupNumber, now);
    }
  })();
}
