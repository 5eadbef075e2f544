import { ContractFailure } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { isRole, type Role } from '@shared/contract/roles';
import { autoLockMinutes, readPendingVerification, readSetting, writeSetting } from '../store/repositories/account-settings';
import { createNotification } from '../store/repositories/notifications-repository';
import { hashUnlockPassword } from '../session/unlock-hash';
import { outboxCounts } from '../outbox/outbox-delivery';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { PlanClient } from '../plan-service/plan-client';
import { planFailure } from '../plan-service/plan-failure';
import { upsertUser } from './replica-groups';
import { SandboxLauncher } from './sandbox-launcher';
import { clearReplica, clearSession, hasSession, readPlanServiceSetting, readSession, writePlanServiceSetting, writeSession, writeUnlockHash } from '../store/repositories/session-store';
import { SyncEngine, type Connection } from './sync-engine';

/** A sandbox whose fresh session is refused at once is not restarted in a loop. */
const sandboxRestartEveryMs = 60_000;

/** The user the sandbox service signs in as (server/src/services/sandbox/sandbox-admin.ts). */
export const sandboxLogin = 'sandbox.admin';

export interface PlanConnectionOptions {
  store(): Store | null;
  publish(event: CoreEvent): void;
  log(message: string): void;
  now(): string;
  today(): string;
  dataDir: string;
  /** A given service and token (tests, benchmarks, child processes): no sandbox, no settings. */
  planService?: Connection;
  /** Spawn the embedded sandbox service when no remote service is configured. */
  sandbox: boolean;
  /**
   * `--demo` (and the e2e fixtures): straight to the sandbox's data, never Welcome — also in a store
   * started afresh after a repair, which is why it is not a setting written once at start.
   */
  demo?: boolean;
  /** The embedded service's worker bundle. */
  sandboxWorkerPath: string;
  /** Fixes the sandbox data set's day (tests). */
  sandboxToday?: string;
  fetch?: typeof fetch;
  pageSize?: number;
}

/**
 * Which plan service the replica follows and who is signed in to it (DESIGN.md, Sync): the
 * embedded sandbox (default), a remote service chosen in Settings (settings key `planService`,
 * token encrypted in `sessions`), or the one a test passes. Switching services clears the
 * replicated groups: they belong to the other service.
 */
export class PlanConnection {
  readonly engine: SyncEngine;
  private sandbox: SandboxLauncher | null = null;
  private sandboxConnection: Connection | null = null;
  private sandboxRestartedAt = 0;
  private currentMode: 'sandbox' | 'remote';
  private serviceUrl: string | null = null;
  // Starts from the clock in microseconds so a restarted core's sessions still outrank the ones a
  // window kept from before the restart.
  private sessionRevision = Date.now() * 1000;

  constructor(private readonly options: PlanConnectionOptions) {
    this.engine = new SyncEngine({
      store: options.store,
      publish: options.publish,
      log: options.log,
      now: options.now,
      today: options.today,
      mode: () => this.currentMode,
      onSignedOut: () => {
        const store = options.store();
        if (store !== null) endSession(store, options.now());
        if (store !== null && this.currentMode === 'remote') {
          // Changes made meanwhile wait in the outbox; the user learns why nothing is sent.
          const events = createNotification(store.db, {
            groupNumber: null,
            kind: 'sync.problem',
            title: 'Signed out of the plan service',
            body: 'Your session with the plan service ended. Sign in again in Settings to send your changes and get updates.',
            link: '#/settings',
            outboxRef: null,
            createdAt: options.now(),
          });
          for (const event of events) options.publish(event);
        }
        if (store !== null) this.publishSession(store);
        // The sandbox's session lapsed (the computer slept past its idle timeout): a restarted
        // sandbox signs in afresh; there is no one to ask for a password.
        if (this.currentMode === 'sandbox' && Date.now() - this.sandboxRestartedAt > sandboxRestartEveryMs) {
          this.sandboxRestartedAt = Date.now();
          void this.stopSandbox().then(() => this.startSandbox());
        }
      },
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      accountSynced: () => {
        const store = options.store();
        if (store !== null) this.publishSession(store);
      },
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    });
    this.currentMode = 'remote';
  }

  get mode(): 'sandbox' | 'remote' {
    return this.currentMode;
  }

  /** Starts following the configured service (at core start, once the store is open). */
  start(): void {
    this.engine.storeOpened();
    const store = this.options.store();
    if (store === null) {
      this.engine.wait('signed_out', 'The local database is not usable.');
      return;
    }
    const given = this.options.planService;
    if (given !== undefined) {
      this.currentMode = 'remote';
      const stored = readSession(store);
      // Another service's copy is not this one's.
      if (stored !== null && stored.serviceUrl !== given.url) clearReplica(store);
      this.follow(given);
      return;
    }
    const remote = readPlanServiceSetting(store);
    if (remote !== null) {
      this.currentMode = 'remote';
      this.serviceUrl = remote.url;
      const session = readSession(store);
      if (session !== null && session.serviceUrl === remote.url) this.follow({ url: remote.url, token: session.token });
      else this.engine.wait('signed_out', null);
      return;
    }
    if (!this.options.sandbox) {
      this.currentMode = 'remote';
      this.engine.wait('signed_out', null);
      return;
    }
    this.currentMode = 'sandbox';
    // A store seeded directly by an earlier version has no session: the embedded service's copy replaces it.
    if (readSession(store) === null && statement(store.db, 'SELECT EXISTS (SELECT 1 FROM groups)').pluck().get() === 1) clearReplica(store);
    this.startSandbox();
  }

  /** Who acts in this store: the signed-in user; the sandbox's user in the sandbox or a replica without a service. */
  actingUser(store: Store): number | null {
    const session = statement(store.db, 'SELECT user_id FROM sessions WHERE id = 1').pluck().get() as number | undefined;
    if (session !== undefined) return session;
    const unconfigured = this.options.planService === undefined && readPlanServiceSetting(store) === null;
    if (this.currentMode !== 'sandbox' && !unconfigured) return null;
    return (statement(store.db, 'SELECT id FROM users WHERE login = ?').pluck().get(sandboxLogin) as number | undefined) ?? null;
  }

  /** The acting user's role in the group, or null. */
  roleIn(store: Store, groupNumber: string): Role | 'no_user' | null {
    const user = this.actingUser(store);
    if (user === null) return 'no_user';
    const role = statement(store.db, 'SELECT role FROM user_groups WHERE user_id = ? AND group_number = ?').pluck().get(user, groupNumber) as string | undefined;
    return role !== undefined && isRole(role) ? role : null;
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
      mode: this.currentMode,
      serviceUrl: this.engine.connected?.url ?? this.serviceUrl,
      user: user ?? null,
      groups,
      welcome: this.options.demo !== true && this.options.planService === undefined && readPlanServiceSetting(store) === null && readSetting(store, 'welcomeDone') === null,
      locked: this.locked(store),
      autoLockMinutes: autoLockMinutes(store),
      pendingVerification: readPendingVerification(store),
      lastServiceUrl: readSetting(store, 'lastServiceUrl'),
      revision: ++this.sessionRevision,
    };
  }

  /** The screen is locked: only a remote session can be (the sandbox has no password). */
  locked(store: Store): boolean {
    return this.currentMode === 'remote' && readSetting(store, 'locked') === true && hasSession(store);
  }

  /** Tells every window who is signed in now (the core drops a repeat of the last one). */
  publishSession(store: Store): void {
    this.options.publish({ type: 'session.changed', session: this.info(store) });
  }

  async signIn(store: Store, input: { serviceUrl: string; userId: string; password: string; discardPending: boolean }): Promise<SessionInfo> {
    const url = input.serviceUrl.replace(/\/+$/, '');
    // The replica is this user's at this service, signed out or not (a sign-out keeps it and the
    // unsent changes for their next sign-in); anything else replaces it.
    const switching =
      this.currentMode === 'sandbox' ||
      readPlanServiceSetting(store)?.url !== url ||
      statement(store.db, 'SELECT EXISTS (SELECT 1 FROM users WHERE login = ?)').pluck().get(input.userId.toLowerCase()) !== 1;
    if (switching) this.refuseIfUnsent(store, input.discardPending);
    const controller = new AbortController();
    const client = new PlanClient({ url, token: null, signal: controller.signal, timeoutMs: 20_000, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
    let signedIn;
    try {
      signedIn = await client.signIn(input.userId, input.password);
    } catch (error) {
      throw planFailure(error, url);
    }
    // Kept for the screen lock, which checks the password on this computer (offline too).
    const unlockHash = await hashUnlockPassword(input.password);
    await this.stopSandbox();
    const now = this.options.now();
    store.db.transaction(() => {
      if (switching) clearReplica(store);
      writePlanServiceSetting(store, { url }, now);
      const userRef = upsertUser(store, signedIn.user, now);
      endSession(store, now);
      writeSession(store, { userRef, serviceUrl: url, token: signedIn.token, expiresAt: signedIn.expiresAt }, now);
      writeUnlockHash(store, unlockHash);
      writeSetting(store, 'welcomeDone', true, now);
      writeSetting(store, 'lastServiceUrl', url, now);
    })();
    this.currentMode = 'remote';
    this.serviceUrl = url;
    this.follow({ url, token: signedIn.token });
    return this.info(store);
  }

  async signOut(store: Store): Promise<SessionInfo> {
    if (this.currentMode === 'sandbox') throw new ContractFailure('RULE', 'The sandbox has no sign-in. To use a real plan service, sign in to it in Settings.');
    const connection = this.engine.connected ?? (() => {
      const session = readSession(store);
      return session === null ? null : { url: session.serviceUrl, token: session.token };
    })();
    if (connection !== null) {
      const controller = new AbortController();
      const client = new PlanClient({ url: connection.url, token: connection.token, signal: controller.signal, timeoutMs: 10_000, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
      // Offline, the token is forgotten here all the same; the service ends it when it expires.
      await client.signOut().catch(() => undefined);
    }
    endSession(store, this.options.now());
    this.engine.wait('signed_out', null);
    return this.info(store);
  }

  async useSandbox(store: Store, discardPending: boolean): Promise<SessionInfo> {
    if (this.currentMode === 'sandbox') return this.info(store);
    this.refuseIfUnsent(store, discardPending);
    const session = readSession(store);
    if (session !== null) {
      const client = new PlanClient({ url: session.serviceUrl, token: session.token, signal: new AbortController().signal, timeoutMs: 10_000, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
      await client.signOut().catch(() => undefined);
    }
    store.db.transaction(() => {
      writePlanServiceSetting(store, null, this.options.now());
      clearReplica(store);
      endSession(store, this.options.now());
    })();
    this.currentMode = 'sandbox';
    this.serviceUrl = null;
    this.startSandbox();
    return this.info(store);
  }

  /**
   * A client of the service the user is signed in to (the sandbox's in the sandbox), for calls made
   * on the user's behalf outside sync (account, users, Bill Pay). AUTH when nobody is signed in.
   */
  authorizedClient(store: Store, timeoutMs = 20_000): PlanClient {
    const connection = this.engine.connected ?? (() => {
      const session = readSession(store);
      return session === null ? null : { url: session.serviceUrl, token: session.token };
    })();
    if (connection === null) throw new ContractFailure('AUTH', 'Sign in to the plan service first.');
    return new PlanClient({ url: connection.url, token: connection.token, signal: new AbortController().signal, timeoutMs, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
  }

  /** A client without a session (registration, e-mail verification). */
  anonymousClient(serviceUrl: string, timeoutMs = 20_000): PlanClient {
    return new PlanClient({ url: serviceUrl.replace(/\/+$/, ''), token: null, signal: new AbortController().signal, timeoutMs, ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }) });
  }

  /** Re-reads who the user is and what they may see now (after an access code, a sign-up, a decision). */
  refreshAccount(): void {
    this.engine.syncNow();
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.stopSandbox();
  }

  private follow(connection: Connection): void {
    this.serviceUrl = connection.url;
    this.engine.connect(connection);
  }

  private startSandbox(): void {
    if (this.sandbox !== null) {
      // Already running (a fresh store after app.startFresh): follow it again.
      if (this.sandboxConnection !== null) this.follow(this.sandboxConnection);
      return;
    }
    this.engine.wait('starting', 'The sandbox plan service is starting.');
    const launcher = new SandboxLauncher(
      this.options.sandboxWorkerPath,
      { dataDir: this.options.dataDir, ...(this.options.sandboxToday === undefined ? {} : { today: this.options.sandboxToday }) },
      {
        ready: (connection) => {
          if (this.sandbox !== launcher) return;
          this.sandboxConnection = connection;
          this.follow(connection);
        },
        failed: (message) => {
          if (this.sandbox !== launcher) return;
          this.options.log(`[sync] ${message}`);
          this.engine.fail(message);
        },
      },
    );
    this.sandbox = launcher;
    launcher.start();
  }

  private async stopSandbox(): Promise<void> {
    const launcher = this.sandbox;
    this.sandbox = null;
    this.sandboxConnection = null;
    await launcher?.stop();
  }

  private refuseIfUnsent(store: Store, discardPending: boolean): void {
    const { pending } = outboxCounts(store);
    if (pending > 0 && !discardPending) {
      throw new ContractFailure(
        'RULE',
        `${pending} change${pending === 1 ? ' has' : 's have'} not reached the plan yet. Switching plan services discards ${pending === 1 ? 'it' : 'them'}; sync first, or confirm to discard.`,
        { discardPending: 'Confirm to discard unsent changes' },
      );
    }
  }
}

/** Forgets the session's token and its lock: a new session starts unlocked, with five tries. */
function endSession(store: Store, now: string): void {
  store.db.transaction(() => {
    clearSession(store);
    writeSetting(store, 'locked', null, now);
    writeSetting(store, 'unlockFailures', null, now);
  })();
}
