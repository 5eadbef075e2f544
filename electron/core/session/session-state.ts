import type { SessionInfo } from '@shared/contract/methods/sync';
import { isRole, type Role } from '@shared/contract/roles';
import { autoLockMinutes, readPendingVerification, readSetting } from '../store/repositories/settings-repository';
import { hasSession, readPlanServiceSetting } from '../store/repositories/session-store';
import { statement } from '../store/statements';
import type { Store } from '../store/store';

/** The user the sandbox service signs in as (server/src/services/sandbox/sandbox-admin.ts). */
export const sandboxLogin = 'sandbox.admin';

export type PlanMode = 'sandbox' | 'remote';

export interface SessionStateOptions {
  /** A service and token were given at start (tests, benchmarks, child processes): no Welcome, no settings. */
  serviceGiven: boolean;
  /** `--demo` and the e2e fixtures: straight to the sandbox's data, never Welcome. */
  demo: boolean;
  /** The URL of the service the sync engine talks to now, if any. */
  connectedUrl(): string | null;
}

/**
 * Who acts in this store and what the session looks like to the windows: the acting user and their
 * role in a group (the dispatcher's permission check), the screen lock's state, and the SessionInfo
 * every window shows. The connection (sync/plan-connection.ts) sets the mode and the service URL;
 * everything else here is read from the store, so it holds offline too.
 */
export class SessionState {
  mode: PlanMode = 'remote';
  /** The service chosen or followed, also while not connected to it. */
  serviceUrl: string | null = null;
  /** A sign-in waiting for its second step (sync/plan-connection.ts keeps the challenge). */
  secondFactor: { serviceUrl: string; userId: string; expiresAt: string } | null = null;
  // Starts from the clock in microseconds so a restarted core's sessions still outrank the ones a
  // window kept from before the restart.
  private revision = Date.now() * 1000;

  constructor(private readonly options: SessionStateOptions) {}

  /** Who acts in this store: the signed-in user; the sandbox's user in the sandbox or a replica without a service. */
  actingUser(store: Store): number | null {
    const session = statement(store.db, 'SELECT user_id FROM sessions WHERE id = 1').pluck().get() as number | undefined;
    if (session !== undefined) return session;
    const unconfigured = !this.options.serviceGiven && readPlanServiceSetting(store) === null;
    if (this.mode !== 'sandbox' && !unconfigured) return null;
    return (statement(store.db, 'SELECT id FROM users WHERE login = ?').pluck().get(sandboxLogin) as number | undefined) ?? null;
  }

  /** The acting user's role in the group, or null. */
  roleIn(store: Store, groupNumber: string): Role | 'no_user' | null {
    const user = this.actingUser(store);
    if (user === null) return 'no_user';
    const role = statement(store.db, 'SELECT role FROM user_groups WHERE user_id = ? AND group_number = ?').pluck().get(user, groupNumber) as string | undefined;
    return role !== undefined && isRole(role) ? role : null;
  }

  /** The screen is locked: only a remote session can be (the sandbox has no password). */
  locked(store: Store): boolean {
    return this.mode === 'remote' && readSetting(store, 'locked') === true && hasSession(store);
  }

  info(store: Store): SessionInfo {
    const userRef = this.actingUser(store);
    const user =
      userRef === null
        ? null
        : (statement(store.db, 'SELECT login AS userId, display_name AS name, email FROM users WHERE id = ?').get(userRef) as { userId: string; name: string; email: string } | undefined);
    const groups =
      userRef === null
        ? []
        : (statement(store.db, 'SELECT g.group_number AS groupNumber, g.name, ug.role FROM user_groups ug JOIN groups g ON g.group_number = ug.group_number WHERE ug.user_id = ? ORDER BY g.name COLLATE NOCASE').all(
            userRef,
          ) as SessionInfo['groups']);
    return {
      mode: this.mode,
      serviceUrl: this.options.connectedUrl() ?? this.serviceUrl,
      user: user ?? null,
      groups,
      welcome: !this.options.demo && !this.options.serviceGiven && readPlanServiceSetting(store) === null && readSetting(store, 'welcomeDone') === null,
      locked: this.locked(store),
      autoLockMinutes: autoLockMinutes(store),
      pendingVerification: readPendingVerification(store),
      lastServiceUrl: readSetting(store, 'lastServiceUrl'),
      secondFactor: this.secondFactor,
      twoFactorSetupRequired: readSetting(store, 'twoFactorSetupRequired') === true,
      revision: ++this.revision,
    };
  }
}
