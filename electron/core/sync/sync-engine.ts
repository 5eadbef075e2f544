import type { CoreEvent } from '@shared/contract/events';
import type { SyncStatus } from '@shared/contract/methods/sync';
import { outboxCounts } from '../outbox/outbox-repository';
import { forgetGroupMembers } from '../store/members/members-repository';
import { forgetGroupInvoices } from '../store/repositories/invoices-repository';
import { forgetGroupPayments } from '../store/repositories/payments-repository';
import { lastReplicatedAt, markReplicated, rewindCursor } from '../store/repositories/sync-cursors';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { applyFeedPage, groupCursor } from './apply-page';
import { Backoff } from './backoff';
import { endIndexHoliday } from './index-holiday';
import { PlanClient, PlanError, type Connection } from '../plan-service/plan-client';
import { LiveStreams } from './live-streams';
import { pushOutbox } from './push';
import { syncAccount } from './account-sync';

export interface SyncEngineOptions {
  /** The open store, or null while it is not usable (the engine then waits). */
  store(): Store | null;
  publish(event: CoreEvent): void;
  log(message: string): void;
  now(): string;
  today(): string;
  mode(): 'sandbox' | 'remote';
  /** The service answered 401: the session is over (the caller forgets the token). */
  onSignedOut(): void;
  /** A full sync re-read the user, their groups and requests (the caller announces the session). */
  accountSynced(): void;
  /** The service refused a call until the user turns on two-step sign-in (a role given since sign-in requires it). */
  onTwoFactorRequired?(): void;
  /** Pull every group this often while idle (the SSE stream announces changes in between). */
  periodMs?: number;
  /** Feed page size (the service allows up to 10,000). */
  pageSize?: number;
  fetch?: typeof fetch;
  /** How long to wait for each answer (PlanClient's default when absent). */
  timeoutMs?: number;
  /** Back-off of retries while the service is unreachable. */
  backoff?: Backoff;
}

type SyncState = SyncStatus['state'];

interface Work {
  /** Who the user is and which groups they see (GET /v1/me), every group's detail and feed. */
  full: boolean;
  /** Groups whose feed to pull (an SSE announcement). */
  groups: Set<string>;
}

/**
 * A pull at least this long, into a store holding fewer members than it has changes left, drops the
 * members' and invoice lines' sort indexes until its last page (index-holiday.ts).
 */
export const indexHolidayMinChanges = 50_000;
/** Progress and roster events at most this often during a pull: the renderer refetches on each. */
const progressEveryMs = 250;
const rosterEveryMs = 1000;
/**
 * While a first sync has the members' indexes dropped, a roster read scans the table (about 0.9 s
 * at 250,000 members, grouped by family) on the core's thread, between two pages: the open roster
 * refetching every second added about 5 s to a 24-s sync, so it is told less often.
 */
const holidayRosterEveryMs = 5000;

/**
 * The sync engine (docs/architecture.md#sync): one run at a time pushes the outbox, then pulls each group's
 * change feed page by page. Runs are asked for by `sync.now`, after a submit (requestSync), by the
 * periodic timer and by the SSE stream of each group; asks during a run are folded into one more
 * run. An unreachable service is retried with exponential back-off (`sync.now` resets it); 401
 * ends the session. Status changes are published as `sync.status` events.
 */
export class SyncEngine {
  private connection: Connection | null = null;
  private state: SyncState = 'signed_out';
  private online = false;
  private message: string | null = null;
  private nextAttemptAt: string | null = null;
  private progress: SyncStatus['progress'] = null;
  private lastSyncAt: string | null = null;
  private work: Work | null = null;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private abort = new AbortController();
  private readonly live: LiveStreams;
  private readonly backoff: Backoff;
  private user: { ref: number; login: string } | null = null;
  private closed = false;
  private published = '';
  private lastProgressAt = 0;
  // From the clock in microseconds, as the session's: a restarted core's statuses outrank older ones.
  private statusRevision = Date.now() * 1000;
  private lastRosterAt = new Map<string, number>();

  constructor(private readonly options: SyncEngineOptions) {
    this.backoff = options.backoff ?? new Backoff();
    this.live = new LiveStreams({
      kick: (work) => this.kick(work),
      cursor: (groupNumber) => {
        const store = this.options.store();
        return store === null ? null : groupCursor(store, groupNumber);
      },
      closed: () => this.closed,
    });
    this.storeOpened();
  }

  /** Reads what the store knows of earlier syncs (at start, and after app.startFresh opened a new one). */
  storeOpened(): void {
    const store = this.options.store();
    this.lastSyncAt = store === null ? null : lastReplicatedAt(store.db);
    // A first sync that crashed between pages left the roster without its indexes.
    if (store !== null) store.db.transaction(() => endIndexHoliday(store.db))();
  }

  get connected(): Connection | null {
    return this.connection;
  }

  status(): SyncStatus {
    const store = this.options.store();
    const counts = store === null ? { pending: 0, rejected: 0 } : outboxCounts(store.db);
    return {
      mode: this.options.mode(),
      state: this.state,
      online: this.online,
      lastSyncAt: this.lastSyncAt,
      pending: counts.pending,
      rejected: counts.rejected,
      progress: this.progress,
      message: this.message,
      nextAttemptAt: this.nextAttemptAt,
      revision: ++this.statusRevision,
    };
  }

  /** No service to talk to yet: the sandbox is starting, or nobody is signed in. */
  wait(state: 'starting' | 'signed_out', message: string | null = null): void {
    this.dropConnection();
    this.setState(state, message);
  }

  /** The service cannot be used at all (the embedded sandbox failed to start). */
  fail(message: string): void {
    this.dropConnection();
    this.setState('error', message);
  }

  /** Talks to this service from now on, starting with a full sync. */
  connect(connection: Connection): void {
    if (this.closed) return;
    this.dropConnection();
    this.connection = connection;
    this.backoff.reset();
    this.setState('connecting', null);
    this.kick({ full: true, groups: new Set() });
  }

  /** Sends the outbox soon (after a submit or a cancel). */
  requestSync(): void {
    this.kick({ full: false, groups: new Set() });
  }

  /** `sync.now`: forget the back-off and run a full sync at once. */
  syncNow(): SyncStatus {
    if (this.connection !== null && !this.closed) {
      this.backoff.reset();
      this.nextAttemptAt = null;
      // Said at once: whoever asked waits for the next idle, not the one before their request.
      this.setState(this.online ? 'syncing' : 'connecting', null);
      this.kick({ full: true, groups: new Set() });
    }
    return this.status();
  }

  /** Re-reads the outbox counts and publishes them if they changed (after a submit or a cancel). */
  refresh(): void {
    this.publishStatus();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.dropConnection();
    await this.running;
  }

  private dropConnection(): void {
    this.connection = null;
    this.user = null;
    this.work = null;
    this.abort.abort();
    this.abort = new AbortController();
    this.live.closeAll();
    this.clearTimer();
    this.online = false;
    this.progress = null;
    this.nextAttemptAt = null;
  }

  private kick(work: Work): void {
    if (this.closed || this.connection === null) return;
    if (this.work === null) this.work = work;
    else {
      this.work.full ||= work.full;
      for (const g of work.groups) this.work.groups.add(g);
    }
    this.running ??= this.loop().finally(() => {
      this.running = null;
      // Asked for while the last step was settling.
      if (this.work !== null && !this.closed && this.connection !== null) this.kick({ full: false, groups: new Set() });
    });
  }

  private async loop(): Promise<void> {
    while (this.work !== null && !this.closed && this.connection !== null) {
      const work = this.work;
      this.work = null;
      this.clearTimer();
      const connection = this.connection;
      const signal = this.abort.signal;
      try {
        await this.runOnce(connection, work, signal);
        if (signal.aborted) continue;
        this.backoff.reset();
        this.online = true;
        this.nextAttemptAt = null;
        // Any exchange that completed counts: a push after a submit or a live pull is as recent as a full sync.
        this.lastSyncAt = this.options.now();
        this.setState('idle', null);
        this.schedule(this.options.periodMs ?? 120_000);
      } catch (error) {
        if (signal.aborted || this.closed) continue;
        this.progress = null;
        this.failed(error);
      }
    }
  }

  private failed(error: unknown): void {
    if (error instanceof PlanError && error.kind === 'signed_out') {
      this.dropConnection();
      this.setState('signed_out', 'Your session with the plan service ended. Sign in again.');
      this.options.onSignedOut();
      return;
    }
    if (error instanceof PlanError && error.contractError?.code === 'TWO_FACTOR_REQUIRED') this.options.onTwoFactorRequired?.();
    const delay = this.backoff.next();
    this.nextAttemptAt = new Date(Date.parse(this.options.now()) + delay).toISOString();
    this.schedule(delay);
    if (error instanceof PlanError && error.kind === 'retry') {
      this.online = false;
      this.setState('offline', error.message);
    } else {
      // The service answered something unusable, or the store refused a write: say so, retry later.
      this.online = error instanceof PlanError;
      this.options.log(`[sync] a sync failed: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : typeof error}`);
      this.setState('error', error instanceof PlanError ? error.message : 'Sync failed on this computer. It will try again; if it keeps failing, restart the app.');
    }
  }

  private async runOnce(connection: Connection, work: Work, signal: AbortSignal): Promise<void> {
    const store = this.options.store();
    if (store === null) return;
    const client = new PlanClient({
      url: connection.url,
      token: connection.token,
      signal,
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
      ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
    });
    const publish = (events: readonly CoreEvent[]) => {
      for (const event of events) this.options.publish(event);
    };
    const answered = await pushOutbox({ store: () => this.requireStore(), client, now: this.options.now, publish, aborted: () => signal.aborted });
    if (answered > 0) this.publishStatus();
    if (signal.aborted) return;

    let groups = [...work.groups];
    if (work.full || this.user === null) {
      // The service announces only what commits after the stream opened; the stream asks for one
      // more full sync if it opens after this read began (LiveStreams.watchAccount).
      this.live.watchAccount(client);
      this.live.accountReadStarted();
      const account = await syncAccount(client, {
        store: () => this.requireStore(),
        connection,
        now: this.options.now,
        today: this.options.today,
        mode: this.options.mode(),
        publish,
        aborted: () => signal.aborted,
      });
      if (account === null) return;
      this.user = { ref: account.userRef, login: account.login };
      this.options.accountSynced();
      groups = account.groups;
      this.live.watchGroups(client, groups);
    }
    if (work.full) this.setState('syncing', null);
    for (const groupNumber of groups) {
      if (signal.aborted) return;
      // An announcement queued before the group left the user's list.
      if (!groupIsHere(this.requireStore(), groupNumber)) continue;
      await this.pull(client, groupNumber, signal);
    }
  }

  /** Pulls one group's feed from its cursor to the head, one page per SQLite transaction. */
  private async pull(client: PlanClient, groupNumber: string, signal: AbortSignal): Promise<void> {
    const limit = this.options.pageSize ?? 10_000;
    let cursor = groupCursor(this.requireStore(), groupNumber);
    let page = await client.changes(groupNumber, cursor, limit);
    if (page.headSeq < cursor) {
      // The service's feed restarted (a new sandbox database): this copy of the group starts over.
      this.resetGroup(groupNumber);
      cursor = 0;
      page = await client.changes(groupNumber, 0, limit);
    }
    const total = page.headSeq - cursor;
    if (total === 0) {
      // Nothing new is news too: the replica is up to date as of now, which the roster and dashboard show.
      markReplicated(this.requireStore().db, groupNumber, this.options.now());
      this.options.publish({ type: 'roster.changed', groupNumber });
      return;
    }
    if (this.state !== 'syncing') this.setState('syncing', null);
    const store = this.requireStore();
    // Not only from cursor 0: a first sync that failed part way (a timeout on a busy service) resumes
    // from its last page, and inserting the rest with every index live took it several times longer.
    const holiday = total >= indexHolidayMinChanges && memberCount(store) < total;
    // A group pulled before: invoices new to this computer are news (apply-page.ts).
    const announceInvoices = cursor > 0;
    let applied = 0;
    // A first page tells the group's member count: a first sync counts members received against it.
    const memberTotal = page.memberTotal;
    let received = memberTotal === undefined ? 0 : groupMemberCount(store, groupNumber);
    const progressOf = () => ({ groupNumber, applied: Math.min(applied, total), total, ...(memberTotal === undefined ? {} : { members: { received: Math.min(received, memberTotal), total: memberTotal } }) });
    this.progress = progressOf();
    this.publishStatus(true);
    try {
      for (;;) {
        // The next page is on its way while this one is written.
        const next = page.hasMore ? client.changes(groupNumber, page.nextAfter, limit) : null;
        next?.catch(() => {});
        const outcome = applyFeedPage(this.requireStore(), page, { user: this.user, now: this.options.now(), indexHoliday: holiday && page.hasMore, announceInvoices });
        for (const event of outcome.events) this.options.publish(event);
        // The user's own role changed in the feed: re-read what they may see (and say so).
        if (outcome.roleChanged) this.kick({ full: true, groups: new Set() });
        applied += page.changes.length;
        // Members written are new ones in a first sync: counted here rather than read back by a scan per page.
        received += outcome.written;
        this.progress = progressOf();
        this.publishStatus();
        if (outcome.written > 0) this.rosterChanged(groupNumber, next === null, holiday ? holidayRosterEveryMs : rosterEveryMs);
        if (next === null || signal.aborted) break;
        page = await next;
      }
    } catch (error) {
      // Without the indexes the roster is slow to read; the retry drops them again if still worth it.
      if (holiday && this.options.store() !== null) this.requireStore().db.transaction(() => endIndexHoliday(this.requireStore().db))();
      throw error;
    } finally {
      this.progress = null;
    }
  }

  private resetGroup(groupNumber: string): void {
    const { db } = this.requireStore();
    db.transaction(() => {
      forgetGroupMembers(db, groupNumber);
      forgetGroupInvoices(db, groupNumber);
      forgetGroupPayments(db, groupNumber);
      rewindCursor(db, groupNumber);
    })();
    this.options.publish({ type: 'roster.changed', groupNumber });
    this.options.publish({ type: 'billing.changed', groupNumber });
  }

  private rosterChanged(groupNumber: string, last: boolean, everyMs: number): void {
    const now = Date.now();
    if (!last && now - (this.lastRosterAt.get(groupNumber) ?? 0) < everyMs) return;
    this.lastRosterAt.set(groupNumber, now);
    this.options.publish({ type: 'roster.changed', groupNumber });
  }

  private requireStore(): Store {
    const store = this.options.store();
    if (store === null) throw new Error('The store closed during a sync');
    return store;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.closed || this.connection === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttemptAt = null;
      this.kick({ full: true, groups: new Set() });
    }, ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SyncState, message: string | null): void {
    this.state = state;
    this.message = message;
    this.publishStatus(true);
  }

  /** Publishes `sync.status` when it changed; progress alone at most every 250 ms. */
  private publishStatus(force = false): void {
    if (this.closed) return;
    const status = this.status();
    const { revision: _revision, ...state } = status;
    const text = JSON.stringify(state);
    if (text === this.published) return;
    const now = Date.now();
    const progress = this.progress;
    if (progress !== null && !force && now - this.lastProgressAt < progressEveryMs && progress.applied < progress.total) return;
    this.lastProgressAt = now;
    this.published = text;
    this.options.publish({ type: 'sync.status', ...status });
  }
}

function groupIsHere(store: Store, groupNumber: string): boolean {
  return statement(store.db, 'SELECT EXISTS (SELECT 1 FROM groups WHERE group_number = ?)').pluck().get(groupNumber) === 1;
}

function groupMemberCount(store: Store, groupNumber: string): number {
  return Number(statement(store.db, 'SELECT count(*) FROM members WHERE group_number = ?').pluck().get(groupNumber));
}

function memberCount(store: Store): number {
  return Number(statement(store.db, 'SELECT count(*) FROM members').pluck().get());
}
