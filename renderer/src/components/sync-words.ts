import type { AppStatus } from '@shared/contract/methods/app';
import type { SessionInfo, SyncStatus } from '@shared/contract/methods/sync';
import { formatCount, formatDatesIn, formatInstant } from './format';

export type SyncTone = 'online' | 'offline' | 'sandbox' | 'problem';

export interface SyncWords {
  /** Where the data comes from: "Sandbox" or the plan service's host name. */
  source: string;
  /** What sync is doing, in words an administrator reads at a glance. */
  state: string;
  /** Why it is offline or failing, in the core's words; null when there is nothing to explain. */
  detail: string | null;
  tone: SyncTone;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The status bar's words for the sync state (docs/architecture.md#live). */
export function describeSync(
  app: AppStatus | null,
  sync: SyncStatus | null,
  session: SessionInfo | null,
  reachable: boolean,
  now: Date = new Date(),
): SyncWords {
  const mode = sync?.mode ?? session?.mode ?? app?.mode ?? 'sandbox';
  const source = mode === 'sandbox' ? 'Sandbox' : (hostOf(session?.serviceUrl) ?? 'Plan service');
  const upToDate = (at: string | null) => (at ? `Up to date · last sync ${formatInstant(at, now)}` : 'Up to date');
  const onlineTone: SyncTone = mode === 'sandbox' ? 'sandbox' : 'online';

  if (!reachable) return { source, state: 'GroupDesk core not reachable', detail: null, tone: 'problem' };
  // Before the first sync status arrives, the start-up status is all there is.
  if (!sync) {
    const lastSyncAt = app?.lastSyncAt ?? null;
    return app?.online === false
      ? { source, state: 'Offline', detail: null, tone: 'offline' }
      : { source, state: lastSyncAt ? upToDate(lastSyncAt) : 'Not yet synced', detail: null, tone: onlineTone };
  }
  switch (sync.state) {
    case 'starting':
      return { source, state: 'Starting…', detail: null, tone: onlineTone };
    case 'signed_out':
      return { source, state: 'Signed out', detail: null, tone: 'offline' };
    case 'connecting':
      return { source, state: 'Connecting…', detail: null, tone: onlineTone };
    case 'syncing':
      return { source, state: syncingWords(sync.progress), detail: null, tone: onlineTone };
    case 'idle':
      return { source, state: upToDate(sync.lastSyncAt), detail: null, tone: onlineTone };
    case 'offline':
      return { source, state: sync.nextAttemptAt ? `Offline — retrying at ${formatInstant(sync.nextAttemptAt, now)}` : 'Offline', detail: why(sync.message), tone: 'offline' };
    case 'error':
      return { source, state: 'Sync problem', detail: why(sync.message), tone: 'problem' };
  }
}

/** The core's or the plan's reason, its dates in the screen's format. */
const why = (message: string | null): string | null => (message === null ? null : formatDatesIn(message));

/** A first sync counts members received of the group's; another pull, the feed's changes. */
function syncingWords(progress: SyncStatus['progress']): string {
  if (progress?.members && progress.members.total > 0) return `Receiving members · ${formatCount(progress.members.received)} of ${formatCount(progress.members.total)}`;
  if (progress && progress.total > 0) return `Syncing ${formatCount(progress.applied)} of ${formatCount(progress.total)}`;
  return 'Syncing…';
}
