import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from 'radix-ui';
import type { TransactionKind } from '@shared/plan-api/eligibility';
import { MAX_EXCEPTION_NOTE, type ExceptionRequest, type exceptionRuleCodes } from '@shared/plan-api/exception-requests';
import { useApi } from '../../api/ApiProvider';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { formatDatesIn } from '../../components/format';
import { NoteField } from '../../components/NoteField';
import { useRequiredNote } from '../../components/use-required-note';
import { useAnnouncer } from '../../state/announcer';

interface Props {
  groupNumber: string;
  /** The member the refused change is about; null for a new enrollment. */
  memberId: string | null;
  changeKind: TransactionKind;
  /** What the change asked for, in short labelled values and never an SSN: plan staff read it beside the note. */
  input: Record<string, string | number | boolean | null>;
  rule: { code: (typeof exceptionRuleCodes)[number]; message: string };
  onClose: () => void;
}

/** The offer beside a refusal the plan may waive: it opens ExceptionRequestDialog. */
export function ExceptionOffer({ onAsk }: { onAsk: () => void }) {
  return (
    <p>
      The plan may still allow it.{' '}
      <button type="button" className="button" onClick={onAsk}>
        Request an exception
      </button>
    </p>
  );
}

/**
 * A refused change the plan may still allow: the user writes the plan a note, it goes straight to the
 * plan (never queued: only the plan can answer it), and the plan's reference number is shown. Offline,
 * nothing is sent and the note stays in the dialog to send again.
 */
export function ExceptionRequestDialog({ groupNumber, memberId, changeKind, input, rule, onClose }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const note = useRequiredNote('Write the plan a note saying why an exception is fair.');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<ExceptionRequest | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = note.take();
    if (text === null) return;
    setBusy(true);
    const result = await api.call('exceptions.request', { groupNumber, memberId, changeKind, input, rule, note: text });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code === 'OFFLINE' ? `You are offline, so the request was not sent. Your note is still here: send it when you are back online. (${result.error.message})` : result.error.message);
      return;
    }
    setReceived(result.value);
    announce(`The plan received your request for an exception: reference ${result.value.referenceNumber}.`);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-form">
          <Dialog.Title className="dialog-title">Request an exception</Dialog.Title>
          {received ? (
            <>
              <Dialog.Description>
                The plan received your request. Its reference number is <strong className="mono">{received.referenceNumber}</strong>: quote it when you talk to the plan about this
                change. The plan answers you directly; until it allows the change, this wizard still cannot submit it.
              </Dialog.Description>
              <div className="dialog-actions">
                <Dialog.Close asChild>
                  <button type="button" className="button button-primary">
                    Close
                  </button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <>
              <Dialog.Description className="muted">The plan’s rules refuse this change: {formatDatesIn(rule.message)} The plan can still allow it. Tell them why.</Dialog.Description>
              <form noValidate onSubmit={(e) => void submit(e)}>
                <NoteField
                  note={note}
                  label="Note to the plan"
                  hint={`Why the request is late, and what you have as proof. At most ${MAX_EXCEPTION_NOTE} characters; ${MAX_EXCEPTION_NOTE - note.value.length} left.`}
                  rows={5}
                  maxLength={MAX_EXCEPTION_NOTE}
                />
                <DialogFormFooter problem={problem} busy={busy} submitLabel="Send to the plan" busyLabel="Sending…" />
              </form>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
