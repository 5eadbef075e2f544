import type { SyncStatus } from '@shared/contract/methods/sync';
import type { CoreHandle } from '../../../../electron/core/core-types';
import type { FaultProxy, ProxiedExchange } from './fault-proxy';

/** What the proxy did and what the status bar said, in the order the test's process saw them. */
export type TimelineEntry = { kind: 'exchange'; exchange: ProxiedExchange } | { kind: 'status'; status: SyncStatus };

/** Records the proxy's exchanges and the core's `sync.status` events on one timeline until `stop`. */
export function recordTimeline(proxy: FaultProxy, core: CoreHandle): { entries: TimelineEntry[]; stop(): void } {
  const entries: TimelineEntry[] = [];
  const stops = [
    proxy.onExchange((exchange) => entries.push({ kind: 'exchange', exchange })),
    core.onEvent((event) => {
      if (event.type === 'sync.status') entries.push({ kind: 'status', status: event });
    }),
  ];
  return { entries, stop: () => stops.forEach((stop) => stop()) };
}

/**
 * A request left without a usable answer: a fault, or a plan so slow under load that the client gave
 * up by itself (the bar is then right to say offline). A stream's faults only end live updates.
 */
export const failsExchange = (exchange: ProxiedExchange): boolean =>
  !exchange.stream && (exchange.unanswered || exchange.fault === 'bad-gateway' || exchange.fault === 'unavailable');

const troubled = (status: SyncStatus | null): boolean => status !== null && (status.state === 'offline' || status.state === 'error');

/**
 * Where the status bar did not tell the truth, as readable lines (empty when it did):
 * - it said offline or error with no failed exchange since it last said idle (a false alarm);
 * - a sync request failed and the bar went (or stayed) idle without saying offline or error first
 *   (a hidden failure). The bar already saying offline when the fault hit counts as saying it.
 */
export function statusLies(entries: readonly TimelineEntry[]): string[] {
  const lies: string[] = [];
  let failedSinceIdle = false;
  let shown: SyncStatus | null = null;
  /** Failed exchanges the bar has not owned up to yet. */
  let unowned: ProxiedExchange[] = [];
  for (const entry of entries) {
    if (entry.kind === 'exchange') {
      if (!failsExchange(entry.exchange)) continue;
      failedSinceIdle = true;
      if (!troubled(shown)) unowned.push(entry.exchange);
      continue;
    }
    const status = entry.status;
    if (troubled(status)) {
      if (!failedSinceIdle) lies.push(`said ${status.state} ("${status.message ?? ''}") with no failed exchange since it last said idle`);
      unowned = [];
    } else if (status.state === 'idle') {
      for (const hidden of unowned) lies.push(`said idle after exchange ${hidden.seq} (${hidden.method} ${hidden.route}, ${hidden.fault ?? 'none'}) failed, never offline`);
      unowned = [];
      failedSinceIdle = false;
    }
    shown = status;
  }
  return lies;
}

/** The timeline as one line per entry, for a failure's message: routes and states, never a body. */
export function describeTimeline(entries: readonly TimelineEntry[]): string {
  return entries
    .map((e) =>
      e.kind === 'exchange'
        ? `  #${e.exchange.seq} ${e.exchange.method} ${e.exchange.route}${e.exchange.fault === null ? '' : ` [${e.exchange.fault}]`}${e.exchange.unanswered ? ' (unanswered)' : ''}`
        : `  status ${e.status.state} pending=${e.status.pending} rejected=${e.status.rejected}${e.status.message === null ? '' : ` "${e.status.message}"`}`,
    )
    .join('\n');
}
