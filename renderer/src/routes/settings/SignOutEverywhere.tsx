import { useId, useState } from 'react';
import type { ContractError } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';

/**
 * Ends every other session at the plan (another computer, a browser) and makes every remembered
 * computer pass the second step again: for a lost laptop or a code seen by someone else. This one stays signed in.
 */
export function SignOutEverywhere() {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ContractError | null>(null);

  const signOut = async () => {
    setBusy(true);
    const result = await api.call('session.signOutEverywhere', {});
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    const message = `Other sessions ended: ${result.value.endedSessions} other session(s), ${result.value.forgottenDevices} remembered computer(s) forgotten.`;
    setDone(message);
    announce(message);
  };

  return (
    <div className="settings-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Other sessions</h3>
      <p>Ends your other sessions (other computers, browsers) and makes every remembered computer ask for a code again. This computer stays signed in.</p>
      <div>
        <button type="button" className="button" onClick={() => void signOut()} disabled={busy}>
          {busy ? 'Ending them…' : 'End all other sessions'}
        </button>
      </div>
      {done && (
        <p className="account-status" role="status">
          {done}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </div>
  );
}
