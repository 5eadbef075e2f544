import { useState } from 'react';
import type { MethodOutput } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatCount, plural } from '../../components/format';
import './batch-cancel.css';

type Cancelled = MethodOutput<'transactions.cancelBatch'>;

export const batchCancelledWords = ({ cancelled, alreadySent }: Cancelled) => `${plural(cancelled, 'change', 'changes')} cancelled; ${formatCount(alreadySent)} had already been sent.`;

interface Props {
  groupNumber: string;
  batchId: number;
  /** The batch as Activity names it ("File import roster-2026-11.csv"), for the question. */
  batchLabel: string;
  /** What the button says: "Cancel this batch" right after an import, "Cancel the rest of this batch" in Activity. */
  buttonLabel: string;
  onCancelled?: (result: Cancelled) => void;
}

/**
 * Cancels every change of a bulk action or file import that has not gone to the plan yet, after a
 * confirmation. What was already sent cannot be called back, so the outcome counts both.
 */
export function CancelBatchButton({ groupNumber, batchId, batchLabel, buttonLabel, onCancelled }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; words: string } | null>(null);

  const cancel = async () => {
    // The trigger stays enabled (a disabled one would drop the focus the dialog gives back); a second press waits.
    if (busy) return;
    setBusy(true);
    const result = await api.call('transactions.cancelBatch', { groupNumber, batchId });
    setBusy(false);
    const words = result.ok ? batchCancelledWords(result.value) : result.error.message;
    setOutcome({ ok: result.ok, words });
    announce(words);
    if (result.ok) onCancelled?.(result.value);
  };

  return (
    <div className="batch-cancel">
      <ConfirmDialog
        trigger={
          <button type="button" className="button" aria-busy={busy || undefined}>
            {buttonLabel}
          </button>
        }
        title="Cancel the rest of this batch?"
        description={`Every change of “${batchLabel}” that has not been sent to the plan yet is cancelled, and the plan never sees it. Changes already sent stay as they are.`}
        cancelLabel="Keep the batch"
        confirmLabel="Cancel the unsent changes"
        tone="danger"
        onConfirm={() => void cancel()}
      />
      {outcome &&
        (outcome.ok ? (
          <p className="batch-outcome">{outcome.words}</p>
        ) : (
          <p className="form-error" role="alert">
            {outcome.words}
          </p>
        ))}
    </div>
  );
}
