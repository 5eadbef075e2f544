import { ContractFailure } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { outboxCounts } from '../outbox/outbox-repository';
import type { Connection } from '../plan-service/plan-client';
import { planFailure } from '../plan-service/plan-failure';
import { PlanClients } from '../session/plan-clients';
import { SessionState } from '../session/session-state';
import { hashUnlockPassword } from '../session/unlock-hash';
import { readSetting, writeSetting } from '../store/repositories/settings-repository';
import { createNotification } from '../store/repositories/notifications-repository';
import { clearReplica, clearSession, readPlanServiceSetting, readSession, writePlanServiceSetting, writeSession, writeUnlockHash } from '../store/repositories/session-store';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { EmbeddedSandbox } from './embedded-sandbox';
import { upsertUser } from '../store/repositories/replica-groups';
import { SyncEngine } from './sync-engine';
import type { SignInResponse } from '@shared/plan-api/accounts';
import { readRememberedDevice, writeRememberedDevice } from '../store/repositories/remembered-devices';

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
  /** How long each request waits for the plan's answer, in the sync and in calls on the user's behalf. */
  timeoutMs?: number;
}

/**
 * Which plan service the replica follows and who is signed in to it (docs/architecture.md#sync): the
 * embedded sandbox (default), a remote service chosen in Settings (settings key `planService`,
 * token encrypted in `sessions`), or the one a test passes. Switching services clears the
 * replicated groups: they belong to the other service.
 */
export class PlanConnection {
  readonly engine: SyncEngine;
  /** Who acts and what the windows show of the session (read by the dispatcher and the handlers). */
  readonly session: SessionState;
  /** Clients for calls made on the user's behalf outside sync. */
  readonly clients: PlanClients;
  private readonly sandbox: EmbeddedSandbox;
  /** A sign-in waiting for its second step: the plan's challenge and what finishing it needs. */
  private pendingSecondFactor: { url: string; userId: string; challenge: string; expiresAt: string; unlockHash: string; switching: boolean } | null = null;

  constructor(private readonly options: PlanConnectionOptions) {
    this.session = new SessionState({ serviceGiven: options.planService !== undefined, demo: options.demo === true, connectedUrl: () => this.engine.connected?.url ?? null });
    this.clients = new PlanClients({
      connected: () => this.engine.connected,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    this.sandbox = new EmbeddedSandbox({
      workerPath: options.sandboxWorkerPath,
      dataDir: options.dataDir,
      ...(options.sandboxToday === undefined ? {} : { today: options.sandboxToday }),
      starting: () => this.engine.wait('starting', 'The sandbox plan service is starting.'),
      ready: (connection) => this.follow(connection),
      failed: (message) => {
        options.log(`[sync] ${message}`);
        this.engine.fail(message);
      },
    });
    this.engine = new SyncEngine({
      store: options.store,
      publish: options.publish,
      log: options.log,
      now: options.now,
      today: options.today,
      mode: () => this.mode,
      onSignedOut: () => {
        const store = options.store();
        if (store !== null) endSession(store, options.now());
        if (store !== null && this.mode === 'remote') {
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
        if (this.mode === 'sandbox') this.sandbox.restartAfterSignOut();
      },
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      accountSynced: () => {
        const store = options.store();
        if (store !== null) this.publishSession(store);
      },
      onTwoFactorRequired: () => this.twoFactorRequired(),
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  get mode(): 'sandbox' | 'remote' {
    return this.session.mode;
  }

  private set mode(mode: 'sandbox' | 'remote') {
    this.session.mode = mode;
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
      this.mode = 'remote';
      const stored = readSession(store);
      // Another service's copy is not this one's.
      if (stored !== null && stored.serviceUrl !== given.url) clearReplica(store);
      this.follow(given);
      return;
    }
    const remote = readPlanServiceSetting(store);
    if (remote !== null) {
      this.mode = 'remote';
      this.session.serviceUrl = remote.url;
      const session = readSession(store);
      if (session !== null && session.serviceUrl === remote.url) this.follow({ url: remote.url, token: session.token });
      else this.engine.wait('signed_out', null);
      return;
    }
    if (!this.options.sandbox) {
      this.mode = 'remote';
      this.engine.wait('signed_out', null);
      return;
    }
    this.mode = 'sandbox';
    // A store seeded directly by an earlier version has no session: the embedded service's copy replaces it.
    if (readSession(store) === null && statement(store.db, 'SELECT EXISTS (SELECT 1 FROM groups)').pluck().get() === 1) clearReplica(store);
    this.sandbox.start();
  }

  /**
   * The plan refused a call until the user turns on two-step sign-in: they were given a role that
   * requires it after signing in. The session now reaches only setting it up, as one opened so does:
   * the windows are told, and send the user to Settings.
   */
  twoFactorRequired(): void {
    const store = this.options.store();
    if (store === null || this.mode !== 'remote' || readSession(store) === null || readSetting(store, 'twoFactorSetupRequired') === true) return;
    writeSetting(store, 'twoFactorSetupRequired', true, this.options.now());
    this.publishSession(store);
  }

  /** Tells every window who is signed in now (the core drops a repeat of the last one). */
  publishSession(store: Store): void {
    this.options.publish({ type: 'session.changed', session: this.session.info(store) });
  }

  /**
   * Signs in with the password. When the user has two-step sign-in on and this computer is not
   * remembered, the plan answers with a challenge instead: it is kept here (in memory only, with the
   * screen lock's hash of the password, never the password) until `completeSignIn` brings the code.
   */
  async signIn(store: Store, input: { serviceUrl: string; userId: string; password: string; discardPending: boolean }): Promise<SessionInfo> {
    const url = input.serviceUrl.replace(/\/+$/, '');
    // The replica is this user's at this service, signed out or not (a sign-out keeps it and the
    // unsent changes for their next sign-in); anything else replaces it.
    const switching =
      this.mode === 'sandbox' ||
      readPlanServiceSetting(store)?.url !== url ||
      statement(store.db, 'SELECT EXISTS (SELECT 1 FROM users WHERE login = ?)').pluck().get(input.userId.toLowerCase()) !== 1;
    if (switching) this.refuseIfUnsent(store, input.discardPending);
    const client = this.clients.anonymous(url);
    let answer;
    try {
      answer = await client.signIn(input.userId, input.password, readRememberedDevice(store, url, input.userId, this.options.now()));
    } catch (error) {
      throw planFailure(error, url);
    }
    // Kept for the screen lock, which checks the password on this computer (offline too).
    const unlockHash = await hashUnlockPassword(input.password);
    this.pendingSecondFactor = null;
    if ('secondFactorRequired' in answer) {
      this.pendingSecondFactor = { url, userId: input.userId.toLowerCase(), challenge: answer.challenge, expiresAt: answer.expiresAt, unlockHash, switching };
      this.session.secondFactor = { serviceUrl: url, userId: input.userId.toLowerCase(), expiresAt: answer.expiresAt };
      return this.session.info(store);
    }
    return this.finishSignIn(store, { url, switching, unlockHash }, answer);
  }

  /** The second step of a sign-in waiting for it (`signIn`): a code or a recovery code. */
  async completeSignIn(store: Store, input: { code?: string | undefined; recoveryCode?: string | undefined; rememberDevice: boolean }): Promise<SessionInfo> {
    const pending = this.pendingSecondFactor;
    if (pending === null || pending.expiresAt <= this.options.now()) {
      this.pendingSecondFactor = null;
      this.session.secondFactor = null;
      throw new ContractFailure('AUTH', 'This sign-in has expired. Sign in again with your password.');
    }
    let signedIn;
    try {
      signedIn = await this.clients.anonymous(pending.url).secondFactor({
        challenge: pending.challenge,
        ...(input.code === undefined ? {} : { code: input.code }),
        ...(input.recoveryCode === undefined ? {} : { recoveryCode: input.recoveryCode }),
        rememberDevice: input.rememberDevice,
      });
    } catch (error) {
      const failure = planFailure(error, pending.url);
      // The plan says the challenge is gone (expired or used): the password is asked again.
      if (failure.code === 'AUTH' && /sign in again/i.test(failure.message)) {
        this.pendingSecondFactor = null;
        this.session.secondFactor = null;
      }
      throw failure;
    }
    this.pendingSecondFactor = null;
    this.session.secondFactor = null;
    if (signedIn.rememberedDevice !== undefined) writeRememberedDevice(store, pending.url, pending.userId, signedIn.rememberedDevice, this.options.now());
    return this.finishSignIn(store, pending, signedIn);
  }

  private async finishSignIn(store: Store, from: { url: string; switching: boolean; unlockHash: string }, signedIn: SignInResponse): Promise<SessionInfo> {
    const { url, switching, unlockHash } = from;
    await this.sandbox.stop();
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
      writeSetting(store, 'twoFactorSetupRequired', signedIn.limitedTo === 'two_factor_enrollment' ? true : null, now);
    })();
    this.mode = 'remote';
    this.session.serviceUrl = url;
    this.follow({ url, token: signedIn.token });
    return this.session.info(store);
  }

  async signOut(store: Store): Promise<SessionInfo> {
    if (this.mode === 'sandbox') throw new ContractFailure('RULE', 'The sandbox has no sign-in. To use a real plan service, sign in to it in Settings.');
    const connection = this.clients.current(store);
    if (connection !== null) {
      const client = this.clients.forConnection(connection, 10_000);
      // Offline, the token is forgotten here all the same; the service ends it when it expires.
      await client.signOut().catch(() => undefined);
    }
    endSession(store, this.options.now());
    this.engine.wait('signed_out', null);
    return this.session.info(store);
  }

  async useSandbox(store: Store, discardPending: boolean): Promise<SessionInfo> {
    if (this.mode === 'sandbox') return this.session.info(store);
    this.refuseIfUnsent(store, discardPending);
    const session = readSession(store);
    if (session !== null) {
      const client = this.clients.forConnection({ url: session.serviceUrl, token: session.token }, 10_000);
      await client.signOut().catch(() => undefined);
    }
    store.db.transaction(() => {
      writePlanServiceSetting(store, null, this.options.now());
      clearReplica(store);
      endSession(store, this.options.now());
    })();
    this.mode = 'sandbox';
    this.session.serviceUrl = null;
    this.sandbox.start();
    return this.session.info(store);
  }

  /** Re-reads who the user is and what they may see now (after an access code, a sign-up, a decision). */
  refreshAccount(): void {
    this.engine.syncNow();
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.sandbox.stop();
  }

  private follow(connection: Connection): void {
    this.session.serviceUrl = connection.url;
    this.engine.connect(connection);
  }

  private refuseIfUnsent(store: Store, discardPending: boolean): void {
    const { pending } = outboxCounts(store.db);
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
    writeSetting(store, 'twoFactorSetupRequired', null, now);
    writeSetting(store, 'locked', null, now);
    writeSetting(store, 'unlockFailures', null, now);
  })();
}
