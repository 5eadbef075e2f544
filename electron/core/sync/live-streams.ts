import { PlanError, type PlanClient } from '../plan-service/plan-client';

/** An SSE stream that ended is reopened by a full sync no sooner than this. */
const streamRetryMs = 5000;

export interface LiveStreamsOptions {
  /** Asks the engine for a run: a full sync, or a pull of these groups' feeds. */
  kick(work: { full: boolean; groups: Set<string> }): void;
  /** The group's feed cursor on this computer; null without a store. */
  cursor(groupNumber: string): number | null;
  closed(): boolean;
}

/**
 * The SSE streams that tell the sync engine when to run (docs/architecture.md#live): one per visible
 * group (an announced sequence past the cursor pulls that group) and the user's own (an access
 * change runs a full sync). A stream that ends is reopened by a full sync a little later.
 */
export class LiveStreams {
  private readonly groups = new Map<string, AbortController>();
  private account: AbortController | null = null;
  /** Account reads begun (full syncs): tells the user's stream whether one began before it opened. */
  private accountReads = 0;

  constructor(private readonly options: LiveStreamsOptions) {}

  /** Keeps one stream open per visible group and closes those of groups no longer visible. */
  watchGroups(client: PlanClient, groups: readonly string[]): void {
    for (const [groupNumber, stream] of this.groups) {
      if (!groups.includes(groupNumber)) {
        stream.abort();
        this.groups.delete(groupNumber);
      }
    }
    for (const groupNumber of groups) {
      if (this.groups.has(groupNumber)) continue;
      // Aborted by closeAll or when the group goes away.
      const stream = new AbortController();
      const signal = stream.signal;
      this.groups.set(groupNumber, stream);
      const ended = () => {
        if (this.groups.get(groupNumber) !== stream) return;
        this.groups.delete(groupNumber);
        if (signal.aborted || this.options.closed()) return;
        // Reopened by the next full sync, which also notices an unreachable service.
        this.retryLater();
      };
      client
        .stream(groupNumber, signal, (seq) => {
          const cursor = this.options.cursor(groupNumber);
          if (cursor !== null && seq > cursor) this.options.kick({ full: false, groups: new Set([groupNumber]) });
        })
        .then(ended, ended);
    }
  }

  /**
   * Keeps the user's own stream open (GET /v1/me/stream): an announcement that their access changed
   * runs a full sync, which re-reads them, their groups and their requests. The account read is not
   * held up until the stream opens (that cost each launch a round trip under load); instead, a read
   * that began before the stream opened may have missed an announcement, so the opening asks for one
   * more full sync.
   */
  watchAccount(client: PlanClient): void {
    if (this.account !== null) return;
    const stream = new AbortController();
    this.account = stream;
    const readsBefore = this.accountReads;
    const opened = () => {
      if (this.account === stream && this.accountReads !== readsBefore) this.options.kick({ full: true, groups: new Set() });
    };
    const ended = (error?: unknown) => {
      if (this.account !== stream) return;
      this.account = null;
      if (stream.signal.aborted || this.options.closed()) return;
      // A service that refuses the stream (one without it) is tried again by the periodic sync only.
      if (error instanceof PlanError && (error.kind === 'rejected' || error.kind === 'invalid')) return;
      this.retryLater();
    };
    client.accountStream(stream.signal, () => this.options.kick({ full: true, groups: new Set() }), opened).then(() => ended(), ended);
  }

  /** A full sync is reading the account now. */
  accountReadStarted(): void {
    this.accountReads += 1;
  }

  closeAll(): void {
    for (const stream of this.groups.values()) stream.abort();
    this.groups.clear();
    this.account?.abort();
    this.account = null;
  }

  private retryLater(): void {
    setTimeout(() => this.options.kick({ full: true, groups: new Set() }), streamRetryMs).unref();
  }
}
