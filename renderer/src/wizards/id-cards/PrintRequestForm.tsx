import { useState } from 'react';
import type { ContractError } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';

/** The PDF the core renders, saved through the browser's download (Electron and the browser host alike; no new window). */
function saveFile(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the next task is late enough to let the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Print the request form": the ID-card request form for the records, from `transactions.document`. */
export function PrintRequestForm({ groupNumber, transactionId }: { groupNumber: string; transactionId: number }) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; saved: string | null; error: ContractError | null }>({ busy: false, saved: null, error: null });
  const print = async () => {
    setState({ busy: true, saved: null, error: null });
    const result = await api.call('transactions.document', { groupNumber, id: transactionId });
    if (!result.ok) {
      setState({ busy: false, saved: null, error: result.error });
      return;
    }
    saveFile(result.value.fileName, result.value.base64);
    setState({ busy: false, saved: result.value.fileName, error: null });
  };
  return (
    <div className="idc-print">
      <button type="button" className="button" onClick={() => void print()} disabled={state.busy} aria-busy={state.busy || undefined}>
        {state.busy ? 'Preparing the form…' : 'Print the request form'}
      </button>
      <p className="muted" role="status">
        {state.saved
          ? `Saved ${state.saved} to your downloads: open it to print it or keep it with your records.`
          : state.error
            ? `The form could not be made: ${state.error.message}`
            : 'A PDF of this request for your records.'}
      </p>
    </div>
  );
}
