import { useState } from 'react';
import { useApi } from '../../../api/ApiProvider';
import { useAnnouncer } from '../../../state/announcer';
import { openDocument } from '../../activity/open-document';

/** The plan's receipt of a payment, as a PDF to print or save: the proof of what was paid, and when. */
export function ReceiptButton({ groupNumber, confirmationNumber, compact = false }: { groupNumber: string; confirmationNumber: string; compact?: boolean }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    const result = await api.call('payments.receipt', { groupNumber, confirmationNumber });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code === 'OFFLINE' ? 'The receipt is printed by the plan service, which cannot be reached now. Try again when you are online.' : result.error.message);
      return;
    }
    setProblem(null);
    const outcome = openDocument(result.value);
    announce(outcome === 'opened' ? `${result.value.fileName} opened in a new window.` : `${result.value.fileName} downloaded.`);
  };

  return (
    <span className="pay-receipt">
      <button type="button" className="button" disabled={busy} onClick={() => void open()} aria-label={compact ? `Receipt for ${confirmationNumber} (PDF)` : undefined}>
        {busy ? 'Getting the receipt…' : 'Receipt (PDF)'}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
