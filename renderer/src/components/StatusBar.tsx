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
  // The sandbox has no plan service to be on- or offline from: its data lives on this computer.
  const sandbox = app?.mode === 'sandbox';
  const connection = !reachable ? 'GroupDesk core not reachable' : sandbox ? 'Sandbox' : online ? 'Online' : 'Offline';
  const source = sandbox ? 'Demo data on this computer' : 'Plan data';
  return (
    <footer className="status-bar">
      <span className={`status-dot ${!reachable ? 'is-offline' : sandbox ? 'is-sandbox' : online ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span>{connection}</span>
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
