import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useApi } from '../api/ApiProvider';
import { useStatusStore } from '../state/status-store';
import { useActivityView } from '../state/activity-view-store';
import { useAnnouncer } from '../state/announcer';
import { describeSync } from './sync-words';
import { plural } from './format';

/**
 * Always-visible connectivity, sync progress and the outbox (docs/architecture.md#live: the status is always
 * visible). Sync events win over the start-up status once they arrive; a failed call marks the core
 * unreachable. Waiting and rejected changes link to Activity, where they can be followed up.
 */
export function StatusBar() {
  const api = useApi();
  const { app, sync, session, reachable, setSync, noteResult } = useStatusStore();
  const setTab = useActivityView((s) => s.setTab);
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const words = describeSync(app, sync, session, reachable);
  const pending = sync?.pending ?? 0;
  const rejected = sync?.rejected ?? 0;
  const signedOut = sync?.state === 'signed_out';

  const syncNow = async () => {
    setBusy(true);
    const result = await api.call('sync.now', {});
    setBusy(false);
    noteResult(result);
    if (!result.ok) {
      announce(`Sync did not start: ${result.error.message}`);
      return;
    }
    setSync(result.value);
    announce(describeSync(app, result.value, session, true).state);
  };

  return (
    <footer className="status-bar" data-tour="status-bar">
      <span className="status-item">
        <span className={`status-dot is-${words.tone}`} aria-hidden="true" />
        <span className="status-source">{words.source}</span>
        <span className="status-sep" aria-hidden="true">
          ·
        </span>
        <span>{words.state}</span>
      </span>
      {words.detail && <span className="status-detail">{words.detail}</span>}
      {signedOut && (
        <Link to="/settings" className="status-note">
          Sign in
        </Link>
      )}
      {pending > 0 && (
        <Link to="/activity" search={{}} className="status-note" onClick={() => setTab('all')}>
          {plural(pending, 'change waiting to send', 'changes waiting to send')}
        </Link>
      )}
      {rejected > 0 && (
        <Link to="/activity" search={{}} className="status-note status-warn" onClick={() => setTab('rejected')}>
          {plural(rejected, 'change rejected', 'changes rejected')}
        </Link>
      )}
      {reachable && !signedOut && (
        <button type="button" className="button status-button" onClick={() => void syncNow()} disabled={busy || sync?.state === 'starting'}>
          Sync now
        </button>
      )}
      {app && <span className="status-version">GroupDesk {app.appVersion}</span>}
    </footer>
  );
}
