import { useState } from 'react';
import type { ContractError } from '@shared/contract';
import type { StoreState } from '@shared/contract/methods/app';
import { useApi } from '../api/ApiProvider';
import { useStatusStore } from '../state/status-store';
import { useAnnouncer } from '../state/announcer';
import { ConfirmDialog } from '../components/ConfirmDialog';

type Problem = Exclude<StoreState, { state: 'ready' }>;

function Path({ path }: { path: string }) {
  return <code className="path">{path}</code>;
}

/** The core's own finding, kept apart from our sentence: it may be a whole sentence or a bare code. */
function Detail({ text }: { text: string }) {
  return <p className="muted">Details: {text}</p>;
}

/** Full-screen explanation of a local store GroupDesk cannot use, with the one safe way forward for each case. */
export function StoreProblem({ store, onCheckAgain }: { store: Problem; onCheckAgain: () => void }) {
  return (
    <div className="fullscreen">
      <main className="problem" aria-labelledby="problem-title">
        {store.state === 'corrupt' && <Corrupt store={store} onStarted={onCheckAgain} />}
        {store.state === 'wrong_key' && <WrongKey store={store} onCheckAgain={onCheckAgain} />}
        {store.state === 'too_new' && (
          <>
            <h1 id="problem-title">This data file is from a newer GroupDesk</h1>
            <p>
              The file at <Path path={store.path} /> uses data format version {store.fileVersion}. This copy of GroupDesk understands
              up to version {store.appVersion}, so it will not open the file rather than risk damaging it.
            </p>
            <p>Update GroupDesk to the latest version, then open it again. Your data is unchanged.</p>
            <button type="button" className="button" onClick={onCheckAgain}>
              Check again
            </button>
          </>
        )}
        {store.state === 'unwritable' && (
          <>
            <h1 id="problem-title">GroupDesk cannot save its data</h1>
            <p>
              GroupDesk cannot write to <Path path={store.path} />.
            </p>
            <Detail text={store.detail} />
            <p>
              Make sure the disk is not full, that the folder exists and that your user account may change it (your IT department can
              help if it is managed by policy), then check again.
            </p>
            <button type="button" className="button" onClick={onCheckAgain}>
              Check again
            </button>
          </>
        )}
      </main>
    </div>
  );
}

function Corrupt({ store, onStarted }: { store: Extract<Problem, { state: 'corrupt' }>; onStarted: () => void }) {
  return (
    <>
      <h1 id="problem-title">GroupDesk cannot read its data file</h1>
      <p>
        The file at <Path path={store.path} /> is damaged or is not a GroupDesk database.
      </p>
      <Detail text={store.detail} />
      <StartFresh path={store.path} onStarted={onStarted} />
    </>
  );
}

/** The file is fine but was written under the other GroupDesk's key: say whose, and keep it untouched unless the user chooses otherwise. */
function WrongKey({ store, onCheckAgain }: { store: Extract<Problem, { state: 'wrong_key' }>; onCheckAgain: () => void }) {
  return (
    <>
      <h1 id="problem-title">This data belongs to another GroupDesk</h1>
      <p>
        The file at <Path path={store.path} /> was written with a different data key, so this copy of GroupDesk cannot read it.
      </p>
      <p>{store.detail}</p>
      <button type="button" className="button" onClick={onCheckAgain}>
        Check again
      </button>
      <StartFresh path={store.path} onStarted={onCheckAgain} />
    </>
  );
}

/** Sets the file aside (renamed, never deleted) and starts with an empty one, after the user confirms. */
function StartFresh({ path, onStarted }: { path: string; onStarted: () => void }) {
  const api = useApi();
  const setStore = useStatusStore((s) => s.setStore);
  const announce = useAnnouncer((s) => s.announce);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const startFresh = async () => {
    setBusy(true);
    const result = await api.call('app.startFresh', { confirm: true });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    announce(`Started fresh. The old file is kept at ${result.value.movedTo}.`);
    setStore(result.value.store);
    // The rest of the status (last sync, mode) belonged to the old file: ask for it again.
    onStarted();
  };

  return (
    <>
      <p>
        Starting fresh sets this file aside — it is renamed and kept next to it, never deleted — and creates an empty one. Your groups
        and members are then downloaded again from the plan; changes that had not been sent yet stay only in the old file.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <ConfirmDialog
        trigger={
          <button type="button" className="button button-primary" disabled={busy}>
            Start fresh
          </button>
        }
        title="Start fresh with an empty data file?"
        description={
          <>
            The old file is kept at <Path path={path} /> under a new name, so nothing is deleted.
          </>
        }
        cancelLabel="Cancel"
        confirmLabel="Start fresh"
        onConfirm={() => void startFresh()}
      />
    </>
  );
}
