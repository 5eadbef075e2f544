import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import type { MethodOutput } from '@shared/contract';
import type { ImportCheck } from '@shared/contract/methods/roster-import';
import { useApi } from '../../api/ApiProvider';
import { useJob } from '../../api/use-job';
import { useGroupStore } from '../../state/group-store';
import { useAnnouncer } from '../../state/announcer';
import { JobProgress } from '../../components/JobProgress';
import { WizardShell } from '../common';
import type { WizardStep } from '../common';
import { ChooseFileStep } from './ChooseFileStep';
import type { ChosenFile } from './ChooseFileStep';
import { ImportReport, checkSummary } from './ImportReport';
import { ImportConfirmStep } from './ImportConfirmStep';
import { ImportDone } from './ImportDone';
import { queueLabel } from './import-words';
import './import.css';

const steps: readonly WizardStep[] = [
  { id: 'file', label: 'Choose a file', fields: [] },
  { id: 'check', label: 'Check what it would do', fields: [] },
  { id: 'confirm', label: 'Confirm', fields: [] },
];

type Message = { tone: 'problem' | 'note'; words: string };

/**
 * A roster file in three steps: choose it, read the core's dry run of every member in it, then queue
 * the accepted ones as one batch. Nothing is queued before the last step, and refused members only
 * leave themselves out.
 */
export function ImportWizard() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const navigate = useNavigate();
  const job = useJob();
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [batch, setBatch] = useState<MethodOutput<'roster.importConfirm'> | null>(null);

  const tell = (next: Message) => {
    setMessage(next);
    announce(next.words);
  };

  const runCheck = async (file: ChosenFile) => {
    setIndex(1);
    setCheck(null);
    setMessage(null);
    const outcome = await job.run((jobId) => api.call('roster.importCheck', { groupNumber, jobId, fileId: file.fileId, fileName: file.fileName }));
    if (outcome.kind === 'done') {
      setCheck(outcome.value);
      announce(checkSummary(outcome.value));
      return;
    }
    setIndex(0);
    tell(outcome.kind === 'cancelled' ? { tone: 'note', words: 'Check cancelled. Nothing was queued.' } : { tone: 'problem', words: outcome.error.message });
  };

  const confirm = async (checked: ImportCheck) => {
    setConfirming(true);
    setMessage(null);
    const result = await api.call('roster.importConfirm', { groupNumber, importId: checked.importId });
    setConfirming(false);
    if (!result.ok) return tell({ tone: 'problem', words: result.error.message });
    setBatch(result.value);
  };

  const next = () => {
    if (index === 0) {
      if (!chosen) return tell({ tone: 'problem', words: 'Choose a file to import first.' });
      // Going back and on again with the same file keeps its check.
      if (check) setIndex(1);
      else void runCheck(chosen);
    } else if (index === 1 && check) {
      if (check.queue === 0) return tell({ tone: 'problem', words: 'Nothing in this file can be queued: every member is skipped or refused.' });
      setMessage(null);
      setIndex(2);
    } else if (index === 2 && check) void confirm(check);
  };

  if (batch && check) return <ImportDone groupNumber={groupNumber} fileName={check.fileName} batch={batch} />;
  return (
    <WizardShell
      title="Import a roster file"
      subtitle={chosen ? chosen.fileName : undefined}
      steps={steps}
      index={index}
      busy={job.running || confirming}
      onBack={() => {
        setMessage(null);
        setIndex(index - 1);
      }}
      onNext={next}
      submitLabel={check ? queueLabel(check.queue) : 'Queue changes'}
      onCancel={() => void navigate({ to: '/members' })}
      summary={
        message &&
        (message.tone === 'problem' ? (
          <p className="form-error" role="alert">
            {message.words}
          </p>
        ) : (
          <p className="import-note">{message.words}</p>
        ))
      }
    >
      {index === 0 && (
        <ChooseFileStep
          groupNumber={groupNumber}
          chosen={chosen}
          onChosen={(file) => {
            setChosen(file);
            setCheck(null);
            setMessage(null);
          }}
        />
      )}
      {index === 1 && job.progress && <JobProgress label={`Checking ${chosen?.fileName ?? 'the file'}`} unit="members" progress={job.progress} cancelLabel="Cancel the check" cancelling={job.cancelling} onCancel={() => void job.cancel()} />}
      {index === 1 && check && <ImportReport groupNumber={groupNumber} check={check} />}
      {index === 2 && check && <ImportConfirmStep check={check} />}
    </WizardShell>
  );
}
