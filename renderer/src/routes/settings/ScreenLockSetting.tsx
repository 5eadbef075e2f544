import { useId, useState } from 'react';
import type { ContractError, MethodInput } from '@shared/contract';
import type { SessionInfo } from '@shared/contract/methods/sync';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { lockShortcut } from '../account/use-idle-lock';

type Minutes = MethodInput<'session.setAutoLock'>['minutes'];
const choices: { minutes: Minutes; label: string }[] = [
  { minutes: 0, label: 'Never' },
  { minutes: 5, label: '5 minutes' },
  { minutes: 10, label: '10 minutes' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '60 minutes' },
];
const isMinutes = (n: number): n is Minutes => choices.some((c) => c.minutes === n);

/**
 * When the screen locks by itself, and a way to lock it now. Shown while signed in to a plan
 * service: the lock asks for that service's password.
 */
export function ScreenLockSetting({ session, onSession }: { session: SessionInfo; onSession: (session: SessionInfo) => void }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const id = useId();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (value: string) => {
    const minutes = Number(value);
    if (!isMinutes(minutes)) return;
    setBusy(true);
    const result = await api.call('session.setAutoLock', { minutes });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    onSession(result.value);
    announce(minutes === 0 ? 'GroupDesk no longer locks by itself.' : `GroupDesk locks after ${minutes} minutes without use.`);
  };

  const lockNow = async () => {
    const result = await api.call('session.lock', {});
    if (!result.ok) return setError(result.error);
    onSession(result.value);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        Screen lock
      </h2>
      <div className="settings-field">
        <label htmlFor={`${id}-minutes`} className="settings-label">
          Lock after inactivity
        </label>
        <p id={`${id}-hint`} className="settings-hint">
          GroupDesk hides your groups’ data and asks for your password after this long without use. Changes waiting to send keep syncing.
        </p>
        <select
          id={`${id}-minutes`}
          className="select settings-select"
          aria-describedby={`${id}-hint`}
          value={isMinutes(session.autoLockMinutes) ? session.autoLockMinutes : 0}
          disabled={busy}
          onChange={(e) => void choose(e.target.value)}
        >
          {choices.map((c) => (
            <option key={c.minutes} value={c.minutes}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="settings-actions">
        <button type="button" className="button" aria-keyshortcuts={lockShortcut.keys} onClick={() => void lockNow()}>
          Lock now
          <kbd className="kbd" aria-hidden="true">
            {lockShortcut.label}
          </kbd>
        </button>
      </div>
    </section>
  );
}
