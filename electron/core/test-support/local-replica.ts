import type { Database } from 'better-sqlite3';
import { generateSandbox } from '@shared/sandbox/generator';
import type { SandboxDataSet } from '@shared/sandbox/types';
import { saveGroup } from '../store/repositories/groups-repository';
import { bulkLoadMembers } from '../store/members/member-bulk-writer';
import { markReplicated } from '../store/repositories/sync-cursors';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { sandboxLogin } from '../session/session-state';

/**
 * A ready local replica without a plan service, for tests and benchmarks of the read paths: the
 * core itself only ever fills its store by syncing (the sandbox runs the real plan service). The
 * user is the sandbox's, primary administrator of every group loaded; a core with no plan service
 * configured acts as that user (session/session-state.ts, actingUser).
 */
export function loadLocalReplica(store: Store, data: SandboxDataSet, now: string): void {
  const { db } = store;
  db.transaction(() => {
    for (const { group, members } of data.groups) {
      // Rates are in force from the group's first coverage day, so every month on record has one.
      const firstCoverage = members.reduce((min, m) => (m.coverage[0] !== undefined && m.coverage[0].startDate < min ? m.coverage[0].startDate : min), data.today);
      saveGroup(db, group, firstCoverage, now);
      bulkLoadMembers(db, store.cipher, group.groupNumber, members, now);
      markReplicated(db, group.groupNumber, now);
    }
    grantLocalUser(db, data.groups.map((g) => g.group.groupNumber), now);
  })();
}

/** The sandbox data set of `today`, loaded as a local replica. */
export function loadSandboxReplica(store: Store, today: string, now: string): SandboxDataSet {
  const data = generateSandbox({ today });
  loadLocalReplica(store, data, now);
  return data;
}

/** Makes the sandbox's user primary administrator of these groups (already in the store). */
export function grantLocalUser(db: Database, groupNumbers: readonly string[], now: string): void {
  const userId = Number(
    statement(
      db,
      `INSERT INTO users (login, email, display_name, email_verified, created_at) VALUES (?, 'sandbox.admin@example.com', 'Sandbox Administrator', 1, ?)
       ON CONFLICT (login) DO UPDATE SET email = excluded.email RETURNING id`,
    )
      .pluck()
      .get(sandboxLogin, now),
  );
  const grant = statement(db, `INSERT OR IGNORE INTO user_groups (user_id, group_number, role) VALUES (?, ?, 'primary_admin')`);
  for (const groupNumber of groupNumbers) grant.run(userId, groupNumber);
}
