import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from 'radix-ui';
import type { ReconcileRow } from '@shared/contract/methods/billing';
import { disputeReasons, MAX_DISPUTE_NOTE } from '@shared/plan-api/invoice-disputes';
import type { DisputeReason, InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { useApi } from '../../api/ApiProvider';
import { disputeReasonLabels, formatMonth, reasonForKind } from './billing-words';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { NoteField } from '../../components/NoteField';
import { useRequiredNote } from '../../components/use-required-note';

interface Props {
  groupNumber: string;
  invoiceNumber: string;
  periodStart: string;
  row: ReconcileRow;
  onFiled: (dispute: InvoiceDispute) => void;
  onClose: () => void;
}

/** Tell the plan a line is wrong: the reason starts as what the reconciliation found; a note is required. */
export function DisputeDialog({ groupNumber, invoiceNumber, periodStart, row, onFiled, onClose }: Props) {
  const api = useApi();
  const id = useId();
  const [reason, setReason] = useState<DisputeReason>(reasonForKind[row.kind]);
  const note = useRequiredNote('Say what is wrong in a note: the plan’s billing team reads it.');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A family covered but not billed has no line: the plan takes its subscriber's ID only with that reason.
  const noLine = row.kind === 'covered_not_billed';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = note.take();
    if (text === null) return;
    setBusy(true);
    const result = await api.call('billing.dispute', { groupNumber, invoiceNumber, memberId: row.memberId, reason: noLine ? 'covered_not_billed' : reason, note: text });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code === 'OFFLINE' ? `The plan service could not be reached, so the dispute was not sent. Try again when you are online. (${result.error.message})` : result.error.message);
      return;
    }
    onFiled(result.value);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-form billing-dispute">
          <Dialog.Title className="dialog-title">Dispute {row.memberName}</Dialog.Title>
          <Dialog.Description className="muted">
            {noLine
              ? `${row.memberName} (${row.memberId}) is covered in ${formatMonth(periodStart)} but has no line on this invoice. The plan’s billing team reviews the family and answers here.`
              : `The plan’s billing team reviews the line for ${row.memberId} and answers here.`}
          </Dialog.Description>
          <form className="billing-dispute-form" noValidate onSubmit={(e) => void submit(e)}>
            <div className="wz-field">
              <label htmlFor={`${id}-reason`} className="wz-label">
                Reason
              </label>
              <select id={`${id}-reason`} className="wz-select" value={noLine ? 'covered_not_billed' : reason} disabled={noLine} onChange={(e) => setReason(e.target.value as DisputeReason)}>
                {disputeReasons.map((r) => (
                  <option key={r} value={r}>
                    {disputeReasonLabels[r]}
                  </option>
                ))}
              </select>
            </div>
            <NoteField note={note} label="Note" hint={`${row.explanation} Say what the invoice should show.`} rows={4} maxLength={MAX_DISPUTE_NOTE} className="billing-note-input" />
            <DialogFormFooter problem={problem} busy={busy} submitLabel="Send dispute" busyLabel="Sending…" />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
