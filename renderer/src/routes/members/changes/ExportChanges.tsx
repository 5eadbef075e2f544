import { useId, useState } from 'react';
import { useApi } from '../../../api/ApiProvider';
import { useCoreFiles } from '../../../api/files';
import { useJob } from '../../../api/use-job';
import { JobProgress } from '../../../components/JobProgress';
import { formatCount } from '../../../components/format';
import { useAnnouncer } from '../../../state/announcer';

const formats = [
  { value: 'csv', label: 'CSV' },
  { value: 'xlsx', label: 'Excel' },
  { value: 'pdf', label: 'PDF' },
] as const;
type Format = (typeof formats)[number]['value'];

type Outcome = { kind: 'finished'; message: string } | { kind: 'failed'; message: string } | null;

/**
 * Writes the changes between the two dates as a file in the core, then asks the host to save it
 * where the user chooses. The write is a job: its progress shows, and it can be cancelled.
 */
export function ExportChanges({ groupNumber, from, to, disabled }: { groupNumber: string; from: string; to: string; disabled: boolean }) {
  const api = useApi();
  const job = useJob();
  const { saveCoreFile } = useCoreFiles();
  const announce = useAnnouncer((s) => s.announce);
  const formatId = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const tell = (next: NonNullable<Outcome>) => {
    setOutcome(next);
    announce(next.message);
  };

  const run = async () => {
    setOutcome(null);
    const written = await job.run((jobId) => api.call('roster.exportDiff', { groupNumber, from, to, jobId, format }));
    if (written.kind === 'cancelled') return tell({ kind: 'finished', message: 'Export cancelled. Nothing was saved.' });
    if (written.kind === 'failed') return tell({ kind: 'failed', message: `The export failed: ${written.error.message}` });
    try {
      const saved = await saveCoreFile(written.value);
      tell({ kind: 'finished', message: saved === 'saved' ? `Saved ${written.value.fileName}, ${formatCount(written.value.rows)} changes.` : 'The file was not saved.' });
    } catch (error) {
      tell({ kind: 'failed', message: error instanceof Error ? error.message : 'The file could not be saved.' });
    }
  };

  return (
    <div className="export-changes">
      <label htmlFor={formatId} className="wz-label">
        Format
      </label>
      <select id={formatId} className="select" value={format} onChange={(event) => setFormat(event.target.value as Format)} disabled={job.running}>
        {formats.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => void run()} disabled={disabled || job.running}>
        {job.running ? 'Exporting…' : 'Export'}
      </button>
      {job.progress && (
        <JobProgress label="Writing the changes" unit="changes" progress={job.progress} cancelLabel="Cancel the export" cancelling={job.cancelling} focusCancel onCancel={() => void job.cancel()} />
      )}
      {outcome?.kind === 'finished' && <span className="muted">{outcome.message}</span>}
      {outcome?.kind === 'failed' && (
        <p className="wz-error" role="alert">
          {outcome.message}
        </p>
      )}
    </div>
  );
}
