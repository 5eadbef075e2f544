import { useState } from 'react';
import type { ImportCheck } from '@shared/contract/methods/roster-import';
import { importOutcomes } from '@shared/contract/methods/roster-import';
import { useApi } from '../../api/ApiProvider';
import { useSaveFile } from '../../api/use-save-file';
import { useAnnouncer } from '../../state/announcer';
import { formatCount, plural } from '../../components/format';
import { ImportItemsTable } from './ImportItemsTable';
import { outcomeWords } from './import-words';
import type { ImportOutcome } from './import-words';

/** The dry run in one sentence, read out when the check ends. */
export const checkSummary = (check: ImportCheck) =>
  `${plural(check.members, 'member', 'members')} in ${check.fileName}: ${formatCount(check.queue)} would be queued, ${formatCount(check.skip)} skipped, ${formatCount(check.refuse)} refused.`;

/**
 * What the file would do, before anything is queued: counts that filter the table below, the table of
 * every member, the report as a file, and for an 834 the 999 acknowledgment to send back to its sender.
 */
export function ImportReport({ groupNumber, check }: { groupNumber: string; check: ImportCheck }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const files = useSaveFile();
  const { acknowledgment } = check;

  const toggle = (picked: ImportOutcome) => {
    const next = outcome === picked ? null : picked;
    setOutcome(next);
    announce(next ? `Showing the ${formatCount(check[next])} ${outcomeWords[next].toLowerCase()}.` : `Showing all ${formatCount(check.members)} members.`);
  };

  return (
    <>
      <p>{checkSummary(check)} Nothing is queued until you confirm; refused members never stop the others.</p>
      <div className="chip-group import-chips" role="group" aria-label="Show only">
        {importOutcomes.map((o) => (
          <button type="button" key={o} className={`chip import-chip-${o}`} aria-pressed={outcome === o} onClick={() => toggle(o)}>
            <span className="chip-check" aria-hidden="true">
              {outcome === o ? '✓' : ''}
            </span>
            {outcomeWords[o]} <span className="tabular">{formatCount(check[o])}</span>
          </button>
        ))}
      </div>
      <ImportItemsTable key={outcome ?? 'all'} groupNumber={groupNumber} importId={check.importId} outcome={outcome} />
      <div className="import-buttons" role="group" aria-label="Report files">
        <button type="button" className="button" disabled={files.busy} onClick={() => void files.save(() => api.call('roster.importReport', { groupNumber, importId: check.importId, format: 'csv' }))}>
          Export report (CSV)
        </button>
        <button type="button" className="button" disabled={files.busy} onClick={() => void files.save(() => api.call('roster.importReport', { groupNumber, importId: check.importId, format: 'xlsx' }))}>
          Export report (Excel)
        </button>
        {acknowledgment && (
          <button type="button" className="button" disabled={files.busy} aria-describedby="import-ack-hint" onClick={() => void files.save(() => Promise.resolve({ ok: true, value: acknowledgment }))}>
            Save acknowledgment (999)
          </button>
        )}
      </div>
      {acknowledgment && (
        <p id="import-ack-hint" className="wz-hint">
          The 999 acknowledgment tells whoever sent the 834 whether its file was well formed, and if not, which segments were wrong.
        </p>
      )}
      {files.problem && (
        <p className="form-error" role="alert">
          {files.problem}
        </p>
      )}
    </>
  );
}
