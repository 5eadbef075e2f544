import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { downloadDocument } from '../activity/open-document';

/** Saves the reconciliation as a worksheet to work through with payroll: CSV for any tool, Excel with its columns laid out. */
export function WorksheetButtons({ groupNumber, invoiceNumber }: { groupNumber: string; invoiceNumber: string }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    const result = await api.call('billing.worksheet', { groupNumber, invoiceNumber, format });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    downloadDocument(result.value);
    announce(`${result.value.fileName} downloaded.`);
  };

  return (
    <div className="billing-actions" role="group" aria-label="Export worksheet">
      <button type="button" className="button" disabled={busy} onClick={() => void save('csv')}>
        Export worksheet (CSV)
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void save('xlsx')}>
        Export worksheet (Excel)
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
