import { useId, useState } from 'react';
import { useApi, useCoreEvent } from '../../../api/ApiProvider';
import { saveCoreFile } from '../../../api/files';
import { formatCount } from '../../../components/format';
import { useAnnouncer } from '../../../state/announcer';

const formats = [
  { value: 'csv', label: 'CSV' },
  { value: 'xlsx', label: 'Excel' },
  { value: 'pdf', label: 'PDF' },
] as const;
type Format = (typeof formats)[number]['value'];

type ExportState = { kind: 'idle' } | { kind: 'writing'; jobId: string; done: number; total: number | null } | { kind: 'finished'; message: string } | { kind: 'failed'; message: string };

/**
 * Writes the changes between the two dates as a file in the core, then asks the host to save it
 * where the user chooses. Progress arrives as `job.progress` events for this export's job.
 */
export function ExportChanges({ groupNumber, from, to, disabled }: { groupNumber: string; from: string; to: string; disabled: boolean }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const formatId = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  useCoreEvent((event) => {
    if (event.type === 'job.progress') setState((s) => (s.kind === 'writing' && s.jobId === event.jobId ? { ...s, done: event.done, total: event.total } : s));
  });

  const run = async () => {
    const jobId = crypto.randomUUID();
    setState({ kind: 'writing', jobId, done: 0, total: null });
    const result = await api.call('roster.exportDiff', { groupNumber, from, to, jobId, format });
    if (!result.ok) {
      setState({ kind: 'failed', message: result.error.message });
      announce(`The export failed: ${result.error.message}`);
      return;
    }
    try {
      const saved = await saveCoreFile(result.value);
      const message = saved === 'saved' ? `Saved ${result.value.fileName}, ${formatCount(result.value.rows)} changes.` : 'The file was not saved.';
      setState({ kind: 'finished', message });
      announce(message);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The file could not be saved.';
      setState({ kind: 'failed', message });
      announce(message);
    }
  };

  const writing = state.kind === 'writing';
  return (
    <div className="export-changes">
      <label htmlFor={formatId} className="wz-label">
        Format
      </label>
      <select id={formatId} className="select" value={format} onChange={(event) => setFormat(event.target.value as Format)} disabled={writing}>
        {formats.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => void run()} disabled={disabled || writing}>
        {writing ? 'Exporting…' : 'Export'}
      </button>
      {/* Progress is shown, not read out at every batch: the end is announced once. */}
      {writing && state.total !== null && <span className="muted">{`Writing ${formatCount(state.done)} of ${formatCount(state.total)}…`}</span>}
      {state.kind === 'finished' && <span className="muted">{state.message}</span>}
      {state.kind === 'failed' && (
        <p className="wz-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
