import { useStatusStore } from '../state/statusStore';
import { formatInstant, plural } from './format';

/**
 * Always-visible connectivity and freshness (DESIGN.md, Sync: "Status is always visible"). Sync
 * events win over the start-up status once they arrive; a failed call marks the core unreachable.
 */
export function StatusBar() {
  const { app, sync, reachable } = useStatusStore();
  const online = reachable && (sync?.online ?? app?.online ?? false);
  const lastSyncAt = sync?.lastSyncAt ?? app?.lastSyncAt ?? null;
  const source = app?.mode === 'remote' ? 'Plan data' : 'Sandbox data';
  return (
    <footer className="status-bar">
      <span className={`status-dot ${online ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span>{!reachable ? 'GroupDesk core not reachable' : online ? 'Online' : 'Offline'}</span>
      <span className="status-sep" aria-hidden="true">
        ·
      </span>
      <span>
        {source}
        {lastSyncAt ? ` · as of ${formatInstant(lastSyncAt)}` : ' · not yet synced'}
      </span>
      {sync && sync.pending > 0 && <span className="status-note">{plural(sync.pending, 'change waiting to send', 'changes waiting to send')}</span>}
      {sync && sync.rejected > 0 && <span className="status-note status-warn">{plural(sync.rejected, 'change rejected', 'changes rejected')}</span>}
      {app && <span className="status-version">GroupDesk {app.appVersion}</span>}
    </footer>
  );
}
