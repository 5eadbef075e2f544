import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { openDocument } from '../activity/open-document';

/** The invoice as the plan prints it, opened in the system's PDF viewer to print or save: proof of what was billed. */
export function PdfButton({ groupNumber, invoiceNumber }: { groupNumber: string; invoiceNumber: string }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    const result = await api.call('billing.pdf', { groupNumber, invoiceNumber });
    setBusy(false);
    if (!result.ok) {
      setProblem(
        result.error.code === 'OFFLINE'
          ? 'The PDF is printed by the plan service, which cannot be reached now. The invoice stays readable here; try again when you are online.'
          : result.error.message,
      );
      return;
    }
    setProblem(null);
    const outcome = openDocument(result.value);
    announce(outcome === 'opened' ? `${result.value.fileName} opened in a new window.` : `${result.value.fileName} downloaded.`);
  };

  return (
    <div className="billing-pdf">
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void open()}>
        {busy ? 'Getting the PDF…' : 'Print / Save PDF'}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
